"""Opening tickets: who may ask for whom, the office's reference number, round-robin
assignment, and the ticket a resubmitted form (same idempotency key) already created."""

import uuid
from datetime import datetime, timedelta

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mejabantu.accounts.access import is_office_staff
from mejabantu.accounts.models import Organisation, User
from mejabantu.helpdesk.models import Channel, Priority, ReferenceCounter, RoundRobin, Ticket
from mejabantu.helpdesk.services import notify, sla
from mejabantu.helpdesk.services.audit import audit
from mejabantu.helpdesk.services.desk import category_resolve
from mejabantu.helpdesk.services.errors import HelpdeskError, PermissionDenied
from mejabantu.helpdesk.services.files import attachments_save
from mejabantu.helpdesk.services.tokens import public_token_for, token_digest
from mejabantu.offices.models import Office

FUTURE_TOLERANCE = timedelta(minutes=5)
OLDEST_BACKDATE = timedelta(days=60)


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
    arrived_by: str = Channel.WEB,
) -> tuple[Ticket, bool]:
    """Open a ticket; return (ticket, created). The same idempotency key gives the same ticket.

    Party operators ask for their organisation on the web; officers log walk-in, phone,
    e-mail and WhatsApp questions with the real time received; the public gives a name
    and an e-mail address and follows the ticket through a secret link. ``arrived_by`` is
    the channel of a question that came in without an officer (e-mail, WhatsApp intake).
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
        channel, received_at = arrived_by, now
        requester_name = str(actor)
        requester_email = actor.email
    elif actor is None or not actor.is_authenticated:
        # by WhatsApp the number is the address: we answer there
        reachable = requester_email.strip() or (
            arrived_by == Channel.WHATSAPP and requester_phone.strip()
        )
        if not requester_name.strip() or not reachable:
            raise HelpdeskError(_("Write your name and e-mail address so we can answer you."))
        channel, received_at, organisation = arrived_by, now, None
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
            handling_office=office,
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
                return _replayed(existing, actor, requester_email, requester_phone), False
        raise
    return ticket, True


def _replayed(existing: Ticket, actor, requester_email: str, requester_phone: str = "") -> Ticket:
    """Return the ticket a resubmitted form created, only to the one who submitted it."""
    if getattr(actor, "is_authenticated", False):
        same = existing.created_by_id == actor.pk or existing.requester_id == actor.pk
    else:
        same = (
            existing.organisation_id is None
            and existing.requester_email.lower() == (requester_email or "").strip().lower()
            and existing.requester_phone == (requester_phone or "").strip()
        )
    if not same:
        raise HelpdeskError(_("This form was already used. Reload the page and send again."))
    return existing
