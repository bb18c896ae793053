"""Helpdesk pages: queues and the ticket workspace for officers, the thread for requesters.

One module per topic; the URLs name the views through this package."""

from mejabantu.helpdesk.views.asking import ask, log_contact, public_ask
from mejabantu.helpdesk.views.desks import desks
from mejabantu.helpdesk.views.guidance import (
    guidance_detail,
    guidance_progress,
    ticket_guidance,
    ticket_similar,
)
from mejabantu.helpdesk.views.network import hand_back, hand_on, office_search
from mejabantu.helpdesk.views.office import office_settings
from mejabantu.helpdesk.views.public import attachment, public_attachment, public_thread
from mejabantu.helpdesk.views.queues import my_tickets, queue
from mejabantu.helpdesk.views.ticket import clocks, detail, merge, rate, reply, take, update

__all__ = [
    "ask",
    "attachment",
    "clocks",
    "desks",
    "detail",
    "guidance_detail",
    "guidance_progress",
    "hand_back",
    "hand_on",
    "log_contact",
    "merge",
    "my_tickets",
    "office_search",
    "office_settings",
    "public_ask",
    "public_attachment",
    "public_thread",
    "queue",
    "rate",
    "reply",
    "take",
    "ticket_guidance",
    "ticket_similar",
    "update",
]
