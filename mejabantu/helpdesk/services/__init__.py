"""Writes of the helpdesk: every view, API endpoint, command and task calls these."""

from mejabantu.helpdesk.services.desk import canned_answer_create, office_set_auto_assign
from mejabantu.helpdesk.services.errors import ConflictError, HelpdeskError
from mejabantu.helpdesk.services.intake import ticket_create
from mejabantu.helpdesk.services.messages import message_add
from mejabantu.helpdesk.services.network import (
    ticket_escalate,
    ticket_forward,
    ticket_hand_on,
    ticket_return,
)
from mejabantu.helpdesk.services.tickets import (
    ticket_merge,
    ticket_rate,
    ticket_take,
    ticket_update,
)

__all__ = [
    "ConflictError",
    "HelpdeskError",
    "canned_answer_create",
    "message_add",
    "office_set_auto_assign",
    "ticket_create",
    "ticket_escalate",
    "ticket_forward",
    "ticket_hand_on",
    "ticket_merge",
    "ticket_rate",
    "ticket_return",
    "ticket_take",
    "ticket_update",
]
