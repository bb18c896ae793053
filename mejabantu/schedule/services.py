"""Writes of the schedule app: stages, bookings, reminders, events, feeds and the queue."""

from __future__ import annotations

import json
import secrets
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from mejabantu.accounts.models import Organisation, User
from mejabantu.offices import clock
from mejabantu.offices.models import Office
from mejabantu.schedule import planning
from mejabantu.schedule.models import (
    Appointment,
    Attendance,
    CalendarFeed,
    Event,
    EventMaterial,
    QueueNumber,
    QueueService,
    Slot,
    SlotKind,
    SlotSettings,
    Stage,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
PLACE_ATTEMPTS = 25


class ScheduleError(ValidationError):
    """Input a user can correct; the message says how. `code` names the rule for the API."""


def is_office_staff(user, office: Office) -> bool:
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or (user.is_staff_member and user.office_id == office.pk)


# --- stages -------------------------------------------------------------------------------


def stages_seed(*, path: Path | None = None) -> int:
    """Load the national stages of an election from its data file (idempotent); return count."""
    data = json.loads((path or DATA_DIR / "pilkada_2024_stages.json").read_text())
    for position, row in enumerate(data["stages"]):
        Stage.objects.update_or_create(
            election=data["election"],
            office=None,
            code=row["code"],
            defaults={
                "name": row["name"],
                "starts_on": date.fromisoformat(row["starts_on"]),
                "ends_on": date.fromisoformat(row["ends_on"]),
                "hours": row.get("hours", ""),
                "description": row.get("description", ""),
                "legal_basis": row.get("legal_basis", ""),
                "confirmed": row.get("confirmed", True),
                "note": row.get("note", ""),
                "only_single_candidate_regions": row.get("only_single_candidate_regions", False),
                "position": position,
            },
        )
    return len(data["stages"])


@transaction.atomic
def stage_set_dates(
    *,
    actor: User,
    office: Office,
    code: str,
    starts_on: date,
    ends_on: date,
    confirmed: bool,
    note: str = "",
    election: str = "pilkada-2024",
) -> Stage:
    """Give an office its own dates for a stage (a coordinator correcting an unconfirmed date)."""
    if not (actor.is_coordinator and (actor.is_superuser or actor.office_id == office.pk)):
        raise PermissionDenied
    if ends_on < starts_on:
        raise ScheduleError(_("The end date is before the start date; check both dates."))
    national = Stage.objects.filter(election=election, office=None, code=code).first()
    if national is None:
        raise ScheduleError(_("Unknown stage “%(code)s”.") % {"code": code})
    stage, _created = Stage.objects.update_or_create(
        election=election,
        office=office,
        code=code,
        defaults={
            "name": national.name,
            "description": national.description,
            "legal_basis": national.legal_basis,
            "hours": national.hours,
            "only_single_candidate_regions": national.only_single_candidate_regions,
            "position": national.position,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "confirmed": confirmed,
            "note": note,
        },
    )
    return stage


# --- slots ----------------------------------------------------------------------------------


def slot_settings_for(office: Office) -> SlotSettings:
    settings, _created = SlotSettings.objects.get_or_create(office=office)
    return settings


def slot_capacity(office: Office, settings: SlotSettings, kind: str = SlotKind.CONSULTATION) -> int:
    """Places per slot: the configured number, or one per officer on duty (at least one)."""
    if kind == SlotKind.REGISTRATION:
        return max(1, settings.registration_capacity)
    if settings.capacity:
        return settings.capacity
    on_duty = User.objects.filter(
        office=office, role=User.Role.OFFICER, on_duty=True, is_active=True
    ).count()
    return max(1, on_duty)


def open_intervals(office: Office, start: datetime, end: datetime):
    """The office's open intervals; the one place the schedule asks about working hours."""
    from mejabantu.offices.hours import open_intervals_for

    return open_intervals_for(office, start, end)


def candidate_slots(
    office: Office,
    start: datetime,
    end: datetime,
    settings: SlotSettings | None = None,
    kind: str = SlotKind.CONSULTATION,
) -> list[tuple[datetime, datetime]]:
    """Slots cut from the office's open intervals (registration arrivals only on its days)."""
    settings = settings or slot_settings_for(office)
    if kind == SlotKind.REGISTRATION:
        days = registration_days(office)
        intervals = [
            (a, b)
            for a, b in open_intervals(office, start, end)
            if a.astimezone(ZoneInfo(office.timezone)).date() in days
        ]
        return planning.cut_slots(intervals, settings.registration_slot_minutes)
    return planning.cut_slots(open_intervals(office, start, end), settings.slot_minutes)


def registration_days(office: Office, election: str = "pilkada-2024") -> list[date]:
    """The days of the registration stage as it applies to the office."""
    stage = (
        Stage.objects.filter(election=election, office=office, code="pendaftaran").first()
        or Stage.objects.filter(election=election, office=None, code="pendaftaran").first()
    )
    if stage is None:
        return []
    return [
        stage.starts_on + timedelta(days=i)
        for i in range((stage.ends_on - stage.starts_on).days + 1)
    ]


def _refuse(code: str, **params) -> ScheduleError:
    messages = {
        "past": _("That time has already passed. Choose a later slot."),
        "notice": _(
            "That slot starts too soon to prepare for. Choose a slot at least "
            "%(minutes)s minutes from now."
        ),
        "horizon": _("Bookings open at most %(days)s days ahead. Choose an earlier date."),
        "closed": _(
            "The office is not open for consultations at that time. Choose one of the slots "
            "offered."
        ),
        "full": _("That slot has just been fully booked. Choose another slot."),
        "twice": _("Your organisation already has a booking in that slot."),
    }
    return ScheduleError(messages[code] % params if params else messages[code], code=code)


def _slot_for(office: Office, kind: str, starts_at: datetime, now: datetime) -> Slot:
    """Validate a slot start against the office's hours and the booking window; get its row."""
    settings = slot_settings_for(office)
    starts_at = starts_at.astimezone(timezone.get_current_timezone())
    day_start = starts_at - timedelta(hours=24)
    slots = candidate_slots(office, day_start, starts_at + timedelta(hours=24), settings, kind)
    refusal = planning.check_booking_time(
        starts_at=starts_at,
        now=now,
        slots=slots,
        horizon_days=settings.horizon_days if kind == SlotKind.CONSULTATION else 400,
        min_notice=timedelta(minutes=settings.min_notice_minutes),
    )
    if refusal is not None:
        raise _refuse(refusal.code, minutes=settings.min_notice_minutes, days=settings.horizon_days)
    ends_at = next(end for start, end in slots if start == starts_at)
    slot, _created = Slot.objects.get_or_create(
        office=office,
        kind=kind,
        starts_at=starts_at,
        defaults={"ends_at": ends_at, "capacity": slot_capacity(office, settings, kind)},
    )
    return slot


def _take_place(slot: Slot, organisation: Organisation, exclude_pk: int | None = None) -> int:
    active = Appointment.objects.filter(slot=slot).exclude(status=Appointment.Status.CANCELLED)
    if exclude_pk is not None:
        active = active.exclude(pk=exclude_pk)
    if active.filter(organisation=organisation).exists():
        raise _refuse("twice")
    place = planning.lowest_free_place(active.values_list("place", flat=True), slot.capacity)
    if place is None:
        raise _refuse("full")
    return place


def _booking_org(actor: User, office: Office, organisation: Organisation | None) -> Organisation:
    if is_office_staff(actor, office):
        if organisation is None or organisation.office_id != office.pk:
            raise ScheduleError(_("Choose an organisation registered with this office."))
        return organisation
    if getattr(actor, "is_operator", False) and actor.organisation.office_id == office.pk:
        return actor.organisation
    raise PermissionDenied


def appointment_book(
    *,
    actor: User,
    office: Office,
    starts_at: datetime,
    topic: str = "",
    ticket=None,
    organisation: Organisation | None = None,
    kind: str = SlotKind.CONSULTATION,
    pair_name: str = "",
    party_codes: list[str] | None = None,
    now: datetime | None = None,
) -> Appointment:
    """Book the lowest free place in the slot starting at `starts_at`.

    Two requests racing for the last place both try to insert the same (slot, place); the
    unique constraint lets one win, the other retries and finds the slot full.
    """
    organisation = _booking_org(actor, office, organisation)
    if ticket is not None and (
        ticket.office_id != office.pk
        or (not is_office_staff(actor, office) and ticket.organisation_id != organisation.pk)
    ):
        raise PermissionDenied
    now = now or clock.now()
    slot = _slot_for(office, kind, starts_at, now)
    if kind == SlotKind.REGISTRATION and party_codes is None:
        party_codes = [organisation.party_code] if organisation.party_code else []
    for _attempt in range(PLACE_ATTEMPTS):
        try:
            with transaction.atomic():
                place = _take_place(slot, organisation)
                return Appointment.objects.create(
                    slot=slot,
                    place=place,
                    office=office,
                    organisation=organisation,
                    booked_by=actor,
                    ticket=ticket,
                    topic=(topic or "").strip()[:300],
                    pair_name=pair_name.strip()[:200],
                    party_codes=sorted(set(party_codes or [])),
                    created_at=now,
                )
        except IntegrityError:
            continue  # another request took that place (or booked for us) first: look again
    raise _refuse("full")


def _may_change(actor: User, appointment: Appointment) -> bool:
    return is_office_staff(actor, appointment.office) or (
        getattr(actor, "is_operator", False)
        and actor.organisation_id == appointment.organisation_id
    )


def appointment_reschedule(
    *, actor: User, appointment: Appointment, starts_at: datetime, now: datetime | None = None
) -> Appointment:
    """Move a booking to another slot; it keeps its topic and ticket and needs confirming again."""
    if not _may_change(actor, appointment):
        raise PermissionDenied
    if not appointment.is_active:
        raise ScheduleError(_("This booking was cancelled. Make a new booking instead."))
    now = now or clock.now()
    if appointment.slot.starts_at <= now:
        raise ScheduleError(_("This consultation has already started and cannot be moved."))
    slot = _slot_for(appointment.office, appointment.slot.kind, starts_at, now)
    if slot.pk == appointment.slot_id:
        return appointment
    for _attempt in range(PLACE_ATTEMPTS):
        try:
            with transaction.atomic():
                current = Appointment.objects.select_for_update().get(pk=appointment.pk)
                place = _take_place(slot, current.organisation, exclude_pk=current.pk)
                current.slot, current.place = slot, place
                current.status = Appointment.Status.REQUESTED
                current.confirmed_at = current.confirmed_by = current.reminded_at = None
                current.save(
                    update_fields=[
                        "slot",
                        "place",
                        "status",
                        "confirmed_at",
                        "confirmed_by",
                        "reminded_at",
                    ]
                )
                return current
        except IntegrityError:
            continue
    raise _refuse("full")


@transaction.atomic
def appointment_cancel(
    *, actor: User, appointment: Appointment, now: datetime | None = None
) -> Appointment:
    """Cancel a booking and free its place (cancelling twice changes nothing)."""
    if not _may_change(actor, appointment):
        raise PermissionDenied
    current = Appointment.objects.select_for_update().get(pk=appointment.pk)
    if current.is_active:
        current.status = Appointment.Status.CANCELLED
        current.cancelled_at = now or clock.now()
        current.save(update_fields=["status", "cancelled_at"])
    return current


@transaction.atomic
def appointment_confirm(*, actor: User, appointment: Appointment) -> Appointment:
    """The office confirms a booking (an officer will be at the desk)."""
    if not is_office_staff(actor, appointment.office):
        raise PermissionDenied
    current = Appointment.objects.select_for_update().get(pk=appointment.pk)
    if not current.is_active:
        raise ScheduleError(_("This booking was cancelled and cannot be confirmed."))
    if current.status != Appointment.Status.CONFIRMED:
        current.status = Appointment.Status.CONFIRMED
        current.confirmed_by, current.confirmed_at = actor, clock.now()
        current.save(update_fields=["status", "confirmed_by", "confirmed_at"])
    return current


def appointment_reminders_send(*, now: datetime | None = None) -> int:
    """Queue one reminder per booking whose slot starts within the next 24 hours.

    Safe on several workers: a booking is claimed by setting `reminded_at` only where it is
    still empty, and the mail carries a dedupe key.
    """
    from mejabantu.helpdesk.services.mail import mail_queue
    from mejabantu.schedule.notify import reminder_text

    now = now or clock.now()
    due = (
        Appointment.objects.filter(
            reminded_at__isnull=True,
            slot__starts_at__gt=now,
            slot__starts_at__lte=now + timedelta(hours=24),
            created_at__lt=F("slot__starts_at") - timedelta(hours=2),
        )
        .exclude(status=Appointment.Status.CANCELLED)
        .select_related("slot", "office", "organisation", "booked_by")
    )
    sent = 0
    for appointment in due:
        with transaction.atomic():
            claimed = Appointment.objects.filter(
                pk=appointment.pk, reminded_at__isnull=True
            ).update(reminded_at=now)
            if not claimed:
                continue
            to = (appointment.booked_by.email if appointment.booked_by else "") or (
                appointment.organisation.email
            )
            subject, body = reminder_text(appointment)
            mail_queue(
                to=to,
                subject=subject,
                body=body,
                ticket=appointment.ticket,
                dedupe_key=f"schedule-reminder-{appointment.pk}-{appointment.slot_id}",
            )
            sent += 1
    return sent


# --- events and calendar feeds --------------------------------------------------------------


@transaction.atomic
def attendance_record(
    *, actor: User, event: Event, name: str, organisation: Organisation | None = None
) -> Attendance:
    """Record a person arriving at an event's door."""
    if not is_office_staff(actor, event.office):
        raise PermissionDenied
    name = (name or "").strip()
    if not name:
        raise ScheduleError(_("Write the name of the person who arrived."))
    attendance, _created = Attendance.objects.get_or_create(
        event=event,
        organisation=organisation,
        name=name[:150],
        defaults={"recorded_by": actor, "arrived_at": clock.now()},
    )
    return attendance


def calendar_feed_create(
    *, actor: User, office: Office, organisation: Organisation | None = None
) -> tuple[CalendarFeed, str]:
    """Create a secret subscribe URL token; return (feed, raw token). Only the digest is kept."""
    if organisation is None:
        if not is_office_staff(actor, office):
            raise PermissionDenied
    elif not (
        is_office_staff(actor, office)
        or (getattr(actor, "is_operator", False) and actor.organisation_id == organisation.pk)
    ):
        raise PermissionDenied
    raw = secrets.token_urlsafe(32)
    feed = CalendarFeed.objects.create(
        office=office,
        organisation=organisation,
        digest=CalendarFeed.digest_of(raw),
        created_by=actor,
    )
    return feed, raw


def calendar_feed_revoke(*, actor: User, feed: CalendarFeed) -> CalendarFeed:
    """Revoke a subscribe URL: calendars using it stop updating."""
    if not (
        is_office_staff(actor, feed.office)
        or (feed.organisation_id and actor.organisation_id == feed.organisation_id)
    ):
        raise PermissionDenied
    if feed.revoked_at is None:
        feed.revoked_at = timezone.now()
        feed.save(update_fields=["revoked_at"])
    return feed


def calendar_feed_by_token(raw: str) -> CalendarFeed | None:
    if not raw:
        return None
    return (
        CalendarFeed.objects.select_related("office", "organisation")
        .filter(digest=CalendarFeed.digest_of(raw), revoked_at__isnull=True)
        .first()
    )


# --- walk-in queue --------------------------------------------------------------------------


def queue_issue(
    *,
    actor: User,
    office: Office,
    service: str,
    visitor_name: str = "",
    organisation: Organisation | None = None,
) -> QueueNumber:
    """Issue the next number of today's queue for a service (K-001, D-001 …)."""
    if not is_office_staff(actor, office):
        raise PermissionDenied
    if service not in QueueService.values:
        raise ScheduleError(_("Choose a service: consultation or document submission."))
    now = clock.now()
    day = now.astimezone(ZoneInfo(office.timezone)).date()
    for _attempt in range(PLACE_ATTEMPTS):
        try:
            with transaction.atomic():
                last = (
                    QueueNumber.objects.filter(office=office, day=day, service=service)
                    .order_by("-number")
                    .values_list("number", flat=True)
                    .first()
                )
                return QueueNumber.objects.create(
                    office=office,
                    service=service,
                    day=day,
                    number=(last or 0) + 1,
                    visitor_name=(visitor_name or "").strip()[:150],
                    organisation=organisation,
                    issued_at=now,
                )
        except IntegrityError:
            continue
    raise ScheduleError(_("The queue is busy; issue the number again."))


def queue_call_next(*, actor: User, office: Office, service: str, desk: str = "") -> QueueNumber:
    """Call the next waiting number of a service to the officer's desk."""
    if not is_office_staff(actor, office):
        raise PermissionDenied
    day = clock.now().astimezone(ZoneInfo(office.timezone)).date()
    for _attempt in range(PLACE_ATTEMPTS):
        with transaction.atomic():
            nxt = (
                QueueNumber.objects.filter(
                    office=office, day=day, service=service, status=QueueNumber.Status.WAITING
                )
                .order_by("number")
                .first()
            )
            if nxt is None:
                raise ScheduleError(_("Nobody is waiting for this service."))
            claimed = QueueNumber.objects.filter(
                pk=nxt.pk, status=QueueNumber.Status.WAITING
            ).update(
                status=QueueNumber.Status.CALLED,
                called_at=clock.now(),
                officer=actor,
                desk=(desk or str(actor))[:20],
            )
            if claimed:
                nxt.refresh_from_db()
                return nxt
    raise ScheduleError(_("The queue is busy; call again."))


def queue_serve(
    *, actor: User, number: QueueNumber, subject: str, body: str, category: str = "jadwal"
) -> QueueNumber:
    """Finish serving a visitor: the visit becomes a walk-in ticket with its real times."""
    from mejabantu.helpdesk.services import ticket_create

    if not is_office_staff(actor, number.office):
        raise PermissionDenied
    if number.status == QueueNumber.Status.SERVED:
        return number
    if number.status != QueueNumber.Status.CALLED:
        raise ScheduleError(_("Call this number before recording the visit."))
    if not (subject or "").strip() or not (body or "").strip():
        raise ScheduleError(_("Write the subject and what was asked and answered."))
    served_at = clock.now()
    tz = ZoneInfo(number.office.timezone)
    times = _(
        "Walk-in %(number)s: arrived %(arrived)s, called %(called)s, finished %(finished)s %(tz)s."
    ) % {
        "number": number.label,
        "arrived": number.issued_at.astimezone(tz).strftime("%H.%M"),
        "called": number.called_at.astimezone(tz).strftime("%H.%M") if number.called_at else "—",
        "finished": served_at.astimezone(tz).strftime("%H.%M"),
        "tz": number.office.timezone_label,
    }
    with transaction.atomic():
        ticket, _created = ticket_create(
            actor=actor,
            office=number.office,
            subject=subject,
            body=f"{(body or '').strip()}\n\n{times}",
            category=category,
            channel="meja",
            organisation=number.organisation,
            requester_name=number.visitor_name
            or (number.organisation.name if number.organisation else "")
            or _("Walk-in visitor %(number)s") % {"number": number.label},
            received_at=number.issued_at,
            idempotency_key=_queue_key(number),
        )
        number.status = QueueNumber.Status.SERVED
        number.served_at = served_at
        number.ticket = ticket
        number.save(update_fields=["status", "served_at", "ticket"])
    return number


def _queue_key(number: QueueNumber):
    import uuid

    return uuid.uuid5(uuid.NAMESPACE_URL, f"mejabantu:queue:{number.pk}")


def queue_skip(*, actor: User, number: QueueNumber) -> QueueNumber:
    """Mark a called number that did not come to the desk."""
    if not is_office_staff(actor, number.office):
        raise PermissionDenied
    QueueNumber.objects.filter(pk=number.pk, status=QueueNumber.Status.CALLED).update(
        status=QueueNumber.Status.SKIPPED
    )
    number.refresh_from_db()
    return number


def material_attach(*, actor: User, event: Event, title: str, upload) -> EventMaterial:
    """Attach a handout to an event; its type is checked from the content."""
    from mejabantu.helpdesk.uploads import check_upload

    if not is_office_staff(actor, event.office):
        raise PermissionDenied
    checked = check_upload(upload)
    title = (title or "").strip() or checked.name
    material = EventMaterial(event=event, title=title[:200])
    material.file.save(checked.name, checked.file, save=False)
    material.save()
    return material
