"""Ticket writes: create, update with conflict detection, take, merge, rate."""

import uuid
from datetime import datetime, timedelta

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mejabantu.accounts import access
from mejabantu.accounts.access import is_office_staff
from mejabantu.accounts.models import Organisation, User
from mejabantu.helpdesk.models import (
    CannedAnswer,
    Category,
    Channel,
    Priority,
    ReferenceCounter,
    RoundRobin,
    Status,
    Ticket,
)
from mejabantu.helpdesk.services import notify, sla
from mejabantu.helpdesk.services.audit import audit
from mejabantu.helpdesk.services.errors import ConflictError, HelpdeskError, PermissionDenied
from mejabantu.helpdesk.services.files import attachments_save
from mejabantu.helpdesk.services.tokens import (
    public_token_for,
    token_digest,
)
from mejabantu.helpdesk.signals import ticket_changed
from mejabantu.offices.models import Office

FUTURE_TOLERANCE = timedelta(minutes=5)
OLDEST_BACKDATE = timedelta(days=60)


def category_resolve(*, office: Office, category) -> Category:
    """Return the office's category for a Category or a code; the office's own wins."""
    if isinstance(category, Category):
        if category.office_id not in (None, office.pk):
            raise HelpdeskError(_("Choose a category of this office."))
        return category
    from mejabantu.helpdesk.selectors import office_lookups

    active = office_lookups(office).categories  # the office's own and the shared ones
    found = next((c for c in active if c.code == category and c.office_id == office.pk), None)
    found = found or next((c for c in active if c.code == category), None)
    if found is None:
        raise HelpdeskError(
            _("Unknown category “%(code)s”. Choose one of the office's categories.")
            % {"code": category}
        )
    return found


def _next_reference(office: Office, when: datetime) -> str:
    """The next reference of the office and year, e.g. BLT-2024-000042 (inside the ticket's
    transaction: the counter's row stays locked until the ticket is committed)."""
    year = timezone.localtime(when).year
    if not connection.features.can_return_columns_from_insert:  # SQLite before 3.35
        counter, _created = ReferenceCounter.objects.select_for_update().get_or_create(
            office=office, year=year
        )
        counter.last += 1
        counter.save(update_fields=["last"])
        return f"{office.short_code}-{year}-{counter.last:06d}"
    table = ReferenceCounter._meta.db_table
    with connection.cursor() as cursor:
        # one statement on SQLite >= 3.35 and PostgreSQL: increment and read under the lock
        cursor.execute(
            f"UPDATE {table} SET last = last + 1 "  # noqa: S608 - our table name
            "WHERE office_id = %s AND year = %s RETURNING last",
            [office.pk, year],
        )
        row = cursor.fetchone()
    if row is None:  # the office's first ticket of the year
        ReferenceCounter.objects.get_or_create(office=office, year=year)
        return _next_reference(office, when)
    return f"{office.short_code}-{year}-{row[0]:06d}"


def _round_robin_pick(office: Office) -> User | None:
    officers = list(
        User.objects.filter(
            office=office, role=User.Role.OFFICER, on_duty=True, is_active=True
        ).order_by("pk")
    )
    if not officers:
        return None
    state, _created = RoundRobin.objects.select_for_update().get_or_create(office=office)
    after = [u for u in officers if state.last_user_id is None or u.pk > state.last_user_id]
    chosen = after[0] if after else officers[0]
    state.last_user = chosen
    state.save(update_fields=["last_user"])
    return chosen


def ticket_create(
    *,
    actor: User | None,
    office: Office,
    subject: str,
    body: str,
    category,
    channel: str = Channel.WEB,
    organisation: Organisation | None = None,
    requester_name: str = "",
    requester_email: str = "",
    requester_phone: str = "",
    received_at: datetime | None = None,
    priority: str = Priority.NORMAL,
    idempotency_key: uuid.UUID | None = None,
    uploads=(),
    max_backdate: timedelta | None = OLDEST_BACKDATE,
) -> tuple[Ticket, bool]:
    """Open a ticket; return (ticket, created). The same idempotency key gives the same ticket.

    Party operators ask for their organisation on the web; officers log walk-in, phone,
    e-mail and WhatsApp questions with the real time received; the public gives a name
    and an e-mail address and follows the ticket through a secret link.
    """
    # A resubmitted form (same idempotency key) fails the unique constraint below and gets
    # the ticket it created back: no read before every insert.
    now = timezone.now()
    subject, body = (subject or "").strip(), (body or "").strip()
    if not subject or not body:
        raise HelpdeskError(_("Write a subject and your question."))
    staff = is_office_staff(actor, office)
    if staff:
        if channel not in Channel.values:
            raise HelpdeskError(_("Choose a channel: web, walk-in, phone, e-mail or WhatsApp."))
        if organisation is not None and organisation.office_id != office.pk:
            raise HelpdeskError(_("That organisation is not registered with this office."))
        received_at = received_at or now
        if received_at > now + FUTURE_TOLERANCE:
            raise HelpdeskError(_("The time received cannot be in the future."))
        if max_backdate is not None and received_at < now - max_backdate:
            raise HelpdeskError(_("The time received is more than 60 days ago; check the date."))
        if organisation is not None and not requester_name:
            requester_name = organisation.name
        if not requester_name:
            raise HelpdeskError(_("Write the name of the person who asked."))
    elif actor is not None and getattr(actor, "is_operator", False):
        organisation = actor.organisation
        if organisation.office_id != office.pk:
            raise PermissionDenied
        channel, received_at = Channel.WEB, now
        requester_name = str(actor)
        requester_email = actor.email
    elif actor is None or not actor.is_authenticated:
        if not requester_name.strip() or not requester_email.strip():
            raise HelpdeskError(_("Write your name and e-mail address so we can answer you."))
        channel, received_at, organisation = Channel.WEB, now, None
    else:
        raise PermissionDenied
    if priority not in Priority.values:
        raise HelpdeskError(_("Choose a priority: low, normal, high or urgent."))
    category = category_resolve(office=office, category=category)
    key = idempotency_key or uuid.uuid4()
    public = organisation is None
    try:
        ticket = Ticket(
            office=office,
            organisation=organisation,
            requester=actor if getattr(actor, "is_operator", False) else None,
            requester_name=requester_name.strip()[:150],
            requester_email=requester_email.strip(),
            requester_phone=requester_phone.strip(),
            public_token_digest=token_digest(public_token_for(key)) if public else "",
            category=category,
            subject=subject[:200],
            body=body,
            channel=channel,
            priority=priority,
            created_by=actor if staff else None,
            received_at=received_at,
            created_at=max(received_at, now) if max_backdate else received_at,
            updated_at=max(received_at, now) if max_backdate else received_at,
            idempotency_key=key,
        )
        # the clocks of a new ticket need no history: computed before the write lock is taken,
        # stored with the row
        for field, value in sla.sla_fields(ticket, events=[]).items():
            setattr(ticket, field, value)
        queue_created_mail = notify.created(ticket=ticket)  # rendered before the lock, too
        with transaction.atomic():
            ticket.reference = _next_reference(office, received_at)
            chosen = _round_robin_pick(office) if office.auto_assign else None
            ticket.assignee = chosen
            ticket.save(force_insert=True)
            attachments_save(ticket=ticket, message=None, uploads=uploads, actor=actor)
            audit(
                ticket=ticket,
                actor=actor,
                action="created",
                at=ticket.created_at,
                changes={
                    "status": [None, ticket.status],
                    "channel": [None, channel],
                    "category": [None, category.code],
                },
            )
            if chosen is not None:
                audit(
                    ticket=ticket,
                    actor=None,
                    action="assigned",
                    changes={"assignee": [None, chosen]},
                )
                notify.assigned(ticket=ticket, assignee=chosen, by=None)
            queue_created_mail()
    except IntegrityError:
        if idempotency_key is not None:
            existing = Ticket.objects.filter(idempotency_key=idempotency_key).first()
            if existing is not None:
                return _replayed(existing, actor, requester_email), False
        raise
    return ticket, True


def _replayed(existing: Ticket, actor, requester_email: str) -> Ticket:
    """Return the ticket a resubmitted form created, only to the one who submitted it."""
    if getattr(actor, "is_authenticated", False):
        same = existing.created_by_id == actor.pk or existing.requester_id == actor.pk
    else:
        same = existing.organisation_id is None and (
            existing.requester_email.lower() == (requester_email or "").strip().lower()
        )
    if not same:
        raise HelpdeskError(_("This form was already used. Reload the page and send again."))
    return existing


def _lock(ticket: Ticket, expected_version: int | None) -> Ticket:
    current = (
        Ticket.objects.select_for_update(of=("self",)).select_related("office").get(pk=ticket.pk)
    )
    if expected_version is not None and current.version != expected_version:
        raise ConflictError(
            _(
                "Someone else changed this ticket while you were editing it. Nothing was "
                "overwritten: check their change below and save again if still needed."
            ),
            current_version=current.version,
        )
    return current


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
    if not is_office_staff(actor, ticket.office):
        raise PermissionDenied
    unknown = set(changes) - set(UPDATABLE)
    if unknown:
        raise HelpdeskError(
            _("These fields cannot be changed here: %(f)s") % {"f": ", ".join(sorted(unknown))}
        )
    current = _lock(ticket, expected_version)
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
            assignee = access.current_officer(current.office, assignee.pk)
            if assignee is None:
                raise HelpdeskError(_("Assign the ticket to an officer of this office."))
        if (assignee.pk if assignee else None) != current.assignee_id:
            diff["assignee"] = [current.assignee, assignee]
            current.assignee = assignee
    if "category" in changes and changes["category"] is not None:
        category = category_resolve(office=current.office, category=changes["category"])
        if category.pk != current.category_id:
            diff["category"] = [current.category.code, category.code]
            current.category = category
    if "pending_guidance" in changes:
        item = changes["pending_guidance"]
        if item is not None and item.office_id not in (
            current.office_id,
            *[o.pk for o in current.office.ancestors()],
        ):
            raise HelpdeskError(_("Link the ticket to guidance awaited by this office."))
        if (item.pk if item else None) != current.pending_guidance_id:
            diff["pending_guidance"] = [current.pending_guidance, item]
            current.pending_guidance = item
    if not diff:
        return current
    current.version += 1
    current.updated_at = at or timezone.now()
    current.save()
    audit(ticket=current, actor=actor, action="updated", changes=diff, at=at)
    if {"status", "priority", "category"} & set(diff):
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
    if not is_office_staff(actor, source.office) or target.office_id != source.office_id:
        raise PermissionDenied
    source = _lock(source, None)
    target = _lock(target, None)
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
def ticket_rate(*, ticket: Ticket, rating: int, comment: str = "", actor=None) -> Ticket:
    """Record the requester's rating (1–5) of a resolved ticket, once."""
    if ticket.status not in (Status.RESOLVED, Status.CLOSED):
        raise HelpdeskError(_("You can rate the answer once the ticket is resolved."))
    if not isinstance(rating, int) or not 1 <= rating <= 5:
        raise HelpdeskError(_("Give a rating from 1 to 5."))
    now = timezone.now()
    updated = Ticket.objects.filter(pk=ticket.pk, rating__isnull=True).update(
        rating=rating, rating_comment=(comment or "").strip()[:2000], rated_at=now
    )
    if not updated:
        raise HelpdeskError(_("This answer has already been rated. Thank you."))
    ticket_changed(ticket.office_id, ticket.reference)
    ticket.refresh_from_db()
    audit(ticket=ticket, actor=actor, action="rated", changes={"rating": [None, rating]})
    return ticket


@transaction.atomic
def office_set_auto_assign(*, office: Office, actor: User, enabled: bool) -> Office:
    """Switch automatic round-robin assignment on or off (coordinators only)."""
    if not access.is_office_coordinator(actor, office):
        raise PermissionDenied
    office.auto_assign = enabled
    office.save(update_fields=["auto_assign"])
    return office


@transaction.atomic
def canned_answer_create(*, office: Office, actor: User, title: str, body: str) -> CannedAnswer:
    """Add a prepared reply for the office's officers."""
    if not is_office_staff(actor, office):
        raise PermissionDenied
    if not title.strip() or not body.strip():
        raise HelpdeskError(_("Write a title and the text of the answer."))
    return CannedAnswer.objects.create(
        office=office, title=title.strip()[:150], body=body.strip(), created_by=actor
    )
