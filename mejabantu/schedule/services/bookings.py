"""Slots and bookings: consultations and registration-day arrivals, and reminders."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from mejabantu.accounts import access
from mejabantu.accounts.access import is_office_staff
from mejabantu.accounts.models import Organisation, User
from mejabantu.offices import clock
from mejabantu.offices.models import Office
from mejabantu.schedule import planning
from mejabantu.schedule.models import (
    Appointment,
    Slot,
    SlotKind,
    SlotSettings,
    Stage,
)
from mejabantu.schedule.services.common import (
    PLACE_ATTEMPTS,
    ScheduleError,
)


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
    if access.is_operator_at(actor, office):
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
    return is_office_staff(actor, appointment.office) or access.speaks_for(
        actor, appointment.organisation_id
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
    from mejabantu.mail.services import mail_queue
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
                topic=f"appointment:{appointment.pk}",
                dedupe_key=f"schedule-reminder-{appointment.pk}-{appointment.slot_id}",
            )
            sent += 1
    return sent
