"""The private link of a question asked without an account: its token and its digest."""

import hashlib
import uuid

from django.utils.crypto import salted_hmac

from mejabantu.helpdesk.models import Ticket


def public_token_for(key: uuid.UUID) -> str:
    """The secret link token of a public ticket: derived, so a resubmit shows the same link."""
    return salted_hmac("mejabantu.helpdesk.public", str(key)).hexdigest()[:40]


def token_digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def ticket_by_public_token(raw: str) -> Ticket | None:
    return (
        Ticket.objects.select_related("office", "handling_office", "category", "assignee")
        .filter(public_token_digest=token_digest(raw))
        .first()
        if raw
        else None
    )
