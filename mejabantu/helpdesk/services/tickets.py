"""Ticket writes after intake: update with conflict detection, take, merge, rate."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mejabantu.accounts import access
from mejabantu.accounts.models import User
from mejabantu.helpdesk.models import Priority, Status, Ticket
from mejabantu.helpdesk.services import notify, sla
from mejabantu.helpdesk.services.audit import audit
from mejabantu.helpdesk.services.desk import category_resolve
from mejabantu.helpdesk.services.errors import ConflictError, HelpdeskError, PermissionDenied
from mejabantu.helpdesk.signals import ticket_changed


def _lock(ticket: Ticket, expected_version: int | None) -> Ticket:
    current = (
        Ticket.objects.select_for_update(of=("self",))
        .select_related("office", "handling_office")
        .get(pk=ticket.pk)
    )
    _check_version(current, expected_version)
    return current


def _check_version(current: Ticket, expected_version: int | None) -> None:
    if expected_version is not None and current.version != expected_version:
        raise ConflictError(
            _(
                "Someone else changed this ticket while you were editing it. Nothing was "
                "overwritten: check their change below and save again if still needed."
            ),
            current_version=current.version,
        )


UPDATABLE = ("status", "priority", "assignee", "category", "pending_guidance")


@transaction.atomic
def ticket_update(
    *,
    ticket: Ticket,
    actor: User,
    expected_version: int | None,
    at: datetime | None = None,
    **changes,
) -> Ticket:
    """Change status, priority, assignee or category; a stale version raises ConflictError."""
    unknown = set(changes) - set(UPDATABLE)
    if unknown:
        raise HelpdeskError(
            _("These fields cannot be changed here: %(f)s") % {"f": ", ".join(sorted(unknown))}
        )
    current = _lock(ticket, None)
    if not access.handles_ticket(actor, current):  # as handled now, not as read earlier
        raise PermissionDenied
    _check_version(current, expected_version)
    if current.merged_into_id:
        raise HelpdeskError(
            _("This ticket was merged into %(ref)s; work on that one.")
            % {"ref": current.merged_into.reference}
        )
    diff = {}
    if "status" in changes and changes["status"] is not None:
        status = changes["status"]
        if status not in Status.values:
            raise HelpdeskError(_("Unknown status “%(s)s”.") % {"s": status})
        if status != current.status:
            diff["status"] = [current.status, status]
            current.status = status
            now = at or timezone.now()
            if status in (Status.RESOLVED, Status.CLOSED) and current.resolved_at is None:
                current.resolved_at = now
            elif status not in (Status.RESOLVED, Status.CLOSED):
                current.resolved_at = None
    if "priority" in changes and changes["priority"] is not None:
        if changes["priority"] not in Priority.values:
            raise HelpdeskError(_("Unknown priority “%(p)s”.") % {"p": changes["priority"]})
        if changes["priority"] != current.priority:
            diff["priority"] = [current.priority, changes["priority"]]
            current.priority = changes["priority"]
    if "assignee" in changes:
        assignee = changes["assignee"]
        if assignee is not None:  # as the database knows them now, not as read earlier
            assignee = access.current_officer(current.handling_office, assignee.pk)
            if assignee is None:
                raise HelpdeskError(
                    _("Assign the ticket to an officer of the office handling it (%(office)s).")
                    % {"office": current.handling_office}
                )
        if (assignee.pk if assignee else None) != current.assignee_id:
            diff["assignee"] = [current.assignee, assignee]
            current.assignee = assignee
    if "category" in changes and changes["category"] is not None:
        category = category_resolve(office=current.handling_office, category=changes["category"])
        if category.pk != current.category_id:
            diff["category"] = [current.category.code, category.code]
            current.category = category
    if "pending_guidance" in changes:
        item = changes["pending_guidance"]
        if item is not None and not access.guidance_fits_ticket(item, current):
            raise HelpdeskError(_("Link the ticket to guidance awaited by this office."))
        if item is not None and item.pk != current.pending_guidance_id and item.state != "open":
            raise HelpdeskError(
                _("The answer to this guidance was published already: reply to the ticket.")
            )
        if (item.pk if item else None) != current.pending_guidance_id:
            diff["pending_guidance"] = [current.pending_guidance, item]
            current.pending_guidance = item
    if not diff:
        return current
    current.version += 1
    current.updated_at = at or timezone.now()
    current.save()
    audit(ticket=current, actor=actor, action="updated", changes=diff, at=at)
    if {"status", "priority", "category", "pending_guidance"} & set(diff):
        sla.ticket_sla_refresh(current)
    if "status" in diff:
        notify.status_changed(ticket=current, before=diff["status"][0])
    if "assignee" in diff and current.assignee is not None and current.assignee != actor:
        notify.assigned(ticket=current, assignee=current.assignee, by=actor)
    return current


def ticket_take(*, ticket: Ticket, actor: User, expected_version: int | None = None) -> Ticket:
    """Assign the ticket to the acting officer; someone else's earlier take is a conflict."""
    with transaction.atomic():
        current = _lock(ticket, expected_version)
        if current.assignee_id and current.assignee_id != actor.pk and expected_version is None:
            raise ConflictError(
                _("%(name)s took this ticket a moment ago.") % {"name": current.assignee},
                current_version=current.version,
            )
        return ticket_update(
            ticket=current, actor=actor, expected_version=current.version, assignee=actor
        )


@transaction.atomic
def ticket_merge(*, source: Ticket, target: Ticket, actor: User) -> Ticket:
    """Merge a duplicate into another ticket of the same requester; the duplicate closes."""
    source = _lock(source, None)
    target = _lock(target, None)
    if not access.handles_ticket(actor, source) or target.handling_office_id != (
        source.handling_office_id
    ):
        raise PermissionDenied
    if source.pk == target.pk:
        raise HelpdeskError(_("A ticket cannot be merged into itself."))
    if source.merged_into_id or target.merged_into_id:
        raise HelpdeskError(_("One of these tickets was already merged; use the remaining one."))
    same_requester = source.organisation_id == target.organisation_id and (
        source.organisation_id is not None
        or source.requester_email.lower() == target.requester_email.lower()
    )
    if not same_requester:
        raise HelpdeskError(
            _(
                "Only tickets of the same requester can be merged: the requester of the "
                "duplicate would otherwise see another requester's ticket."
            )
        )
    from mejabantu.helpdesk.models import Attachment, Message

    now = timezone.now()
    Message.objects.create(
        ticket=target,
        author=source.requester,
        author_name=source.requester_name,
        from_requester=True,
        body=f"[{source.reference}] {source.subject}\n\n{source.body}",
        created_at=source.received_at,
    )
    Message.objects.filter(ticket=source).update(ticket=target)
    Attachment.objects.filter(ticket=source).update(ticket=target)
    target.message_count = Message.objects.filter(ticket=target).count()
    target.version += 1
    target.updated_at = now
    target.save()
    before = source.status
    source.merged_into = target
    source.status = Status.CLOSED
    source.resolved_at = source.resolved_at or now
    source.version += 1
    source.updated_at = now
    source.message_count = 0
    source.save()
    audit(
        ticket=source,
        actor=actor,
        action="merged",
        changes={"merged_into": [None, target.reference], "status": [before, Status.CLOSED]},
    )
    audit(
        ticket=target,
        actor=actor,
        action="merged_in",
        changes={"merged_from": [None, source.reference]},
    )
    return target


@transaction.atomic
def ticket_rate(*, ticket: Ticket, rating: int, comment: str = "", actor=None, at=None) -> Ticket:
    """Record the requester's rating (1–5) of a resolved ticket, once (``at``: when it was
    given, for demo data and imports; now by default)."""
    if ticket.status not in (Status.RESOLVED, Status.CLOSED):
        raise HelpdeskError(_("You can rate the answer once the ticket is resolved."))
    if not isinstance(rating, int) or not 1 <= rating <= 5:
        raise HelpdeskError(_("Give a rating from 1 to 5."))
    now = at or timezone.now()
    updated = Ticket.objects.filter(pk=ticket.pk, rating__isnull=True).update(
        rating=rating, rating_comment=(comment or "").strip()[:2000], rated_at=now
    )
    if not updated:
        raise HelpdeskError(_("This answer has already been rated. Thank you."))
    ticket_changed(ticket.office_id, ticket.reference, ticket.handling_office_id)
    ticket.refresh_from_db()
    audit(ticket=ticket, actor=actor, action="rated", changes={"rating": [None, rating]}, at=now)
    return ticket
