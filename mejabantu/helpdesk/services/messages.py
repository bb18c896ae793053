"""Messages on tickets: public replies, internal notes, and the requester's replies."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from mejabantu.accounts import access
from mejabantu.helpdesk.models import Message, Status, Ticket
from mejabantu.helpdesk.services import notify, sla
from mejabantu.helpdesk.services.audit import audit
from mejabantu.helpdesk.services.errors import HelpdeskError, PermissionDenied
from mejabantu.helpdesk.services.files import attachments_save
from mejabantu.helpdesk.signals import ticket_changed

REOPENING = (Status.WAITING, Status.RESOLVED, Status.CLOSED)


def _is_requester(actor, ticket: Ticket) -> bool:
    return access.speaks_for(actor, ticket.organisation_id)


@transaction.atomic
def message_add(
    *,
    ticket: Ticket,
    actor,
    body: str,
    internal: bool = False,
    uploads=(),
    via_public_link: bool = False,
    at=None,
) -> Message:
    """Add a reply or note. Officers' public replies reach the requester; a requester's
    reply reopens a waiting, resolved or closed ticket and reaches its officers."""
    body = (body or "").strip()
    if not body:
        raise HelpdeskError(_("Write a message before sending."))
    ticket = (
        Ticket.objects.select_for_update(of=("self",))
        .select_related("office", "handling_office", "assignee")
        .get(pk=ticket.pk)
    )
    if ticket.merged_into_id:
        raise HelpdeskError(
            _("This ticket was merged into %(ref)s; reply there.")
            % {"ref": ticket.merged_into.reference}
        )
    staff = access.may_note_ticket(actor, ticket)  # the handling office's or the asking one's
    requester = via_public_link or _is_requester(actor, ticket)
    if not (staff or requester):
        raise PermissionDenied
    if internal and not staff:
        raise PermissionDenied
    if staff and not internal and not access.handles_ticket(actor, ticket):
        raise HelpdeskError(
            _(
                "%(office)s handles this ticket now: only its officers reply to the requester. "
                "Add an internal note instead."
            )
            % {"office": ticket.handling_office}
        )
    now = at or timezone.now()
    message = Message.objects.create(
        ticket=ticket,
        author=actor if getattr(actor, "pk", None) else None,
        author_name=str(actor) if getattr(actor, "pk", None) else ticket.requester_name,
        from_requester=requester and not staff,
        internal=internal,
        body=body,
        created_at=now,
    )
    attachments_save(ticket=ticket, message=message, uploads=uploads, actor=actor)
    changes = {}
    updates = {"updated_at": now, "message_count": F("message_count") + 1}
    if message.from_requester:
        if ticket.status in REOPENING:
            changes["status"] = [ticket.status, Status.IN_PROGRESS]
            updates.update(status=Status.IN_PROGRESS, resolved_at=None)
    elif not internal:
        if ticket.first_response_at is None:
            updates["first_response_at"] = now
        if ticket.status == Status.NEW:
            changes["status"] = [ticket.status, Status.IN_PROGRESS]
            updates["status"] = Status.IN_PROGRESS
    if changes:  # a status change by a message makes open edit forms stale
        updates["version"] = F("version") + 1
    Ticket.objects.filter(pk=ticket.pk).update(**updates)
    ticket_changed(ticket.office_id, ticket.reference, ticket.handling_office_id)
    action = "note" if internal else ("requester_reply" if message.from_requester else "reply")
    audit(
        ticket=ticket,
        actor=actor,
        action=action,
        changes={"message": [None, message.pk], **changes},
        at=now,
    )
    ticket.refresh_from_db()
    if changes or "first_response_at" in updates:
        sla.ticket_sla_refresh(ticket)
    if message.from_requester:
        notify.requester_replied(ticket=ticket, message=message)
    elif not internal:
        notify.public_reply(ticket=ticket, message=message)
    return message
