"""Reads of the schedule app, scoped to the acting user."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Count, Q, QuerySet

from mejabantu.accounts import access
from mejabantu.accounts.access import is_office_staff
from mejabantu.offices.models import Office
from mejabantu.schedule import planning
from mejabantu.schedule.models import (
    Appointment,
    Event,
    QueueNumber,
    Slot,
    SlotKind,
    Stage,
)
from mejabantu.schedule.services import (
    candidate_slots,
    slot_capacity,
    slot_settings_for,
)


def office_tz(office: Office) -> ZoneInfo:
    return ZoneInfo(office.timezone)


@dataclass(frozen=True)
class TimelineStage:
    stage: Stage
    state: str  # "past" | "open" | "future"
    days_left: int | None  # open: days until it ends; future: days until it starts


def stages_for(office: Office | None, election: str = "pilkada-2024") -> list[Stage]:
    """The election's stages as they apply to an office: its own dates replace national ones."""
    national = {s.code: s for s in Stage.objects.filter(election=election, office=None)}
    if office is not None:
        for own in Stage.objects.filter(election=election, office=office):
            national[own.code] = own
    return sorted(national.values(), key=lambda s: (s.starts_on, s.position, s.code))


def timeline(stages: list[Stage], today: date) -> list[TimelineStage]:
    rows = []
    for stage in stages:
        if stage.ends_on < today:
            rows.append(TimelineStage(stage, "past", None))
        elif stage.starts_on <= today:
            rows.append(TimelineStage(stage, "open", (stage.ends_on - today).days))
        else:
            rows.append(TimelineStage(stage, "future", (stage.starts_on - today).days))
    return rows


@dataclass(frozen=True)
class SlotView:
    starts_at: datetime
    ends_at: datetime
    capacity: int
    booked: int

    @property
    def free(self) -> int:
        return max(0, self.capacity - self.booked)


def slots_between(
    office: Office, start: datetime, end: datetime, kind: str = SlotKind.CONSULTATION
) -> list[SlotView]:
    """The office's slots in [start, end) with how many places are still free (2 queries)."""
    settings = slot_settings_for(office)
    default_capacity = slot_capacity(office, settings, kind)
    rows = {
        s.starts_at: s
        for s in Slot.objects.filter(
            office=office, kind=kind, starts_at__gte=start, starts_at__lt=end
        ).annotate(
            booked=Count(
                "appointments", filter=~Q(appointments__status=Appointment.Status.CANCELLED)
            )
        )
    }
    views = []
    for a, b in candidate_slots(office, start, end, settings, kind):
        row = rows.get(a)
        views.append(
            SlotView(
                starts_at=a,
                ends_at=b,
                capacity=row.capacity if row else default_capacity,
                booked=row.booked if row else 0,
            )
        )
    return views


def _visible(user) -> Q | None:
    """Staff see their office's bookings; a party operator sees its organisation's (None:
    no booking)."""
    if not getattr(user, "is_authenticated", False):
        return None
    found = access.visible(user)
    return Q() if found is None else found


def appointments_visible_to(user) -> QuerySet[Appointment]:
    """Staff see their office's bookings; a party operator sees its organisation's."""
    qs = Appointment.objects.select_related(
        "slot", "office", "organisation", "ticket", "booked_by", "confirmed_by"
    )
    visible = _visible(user)
    return qs.none() if visible is None else qs.filter(visible)


def appointments_for_ticket(user, ticket) -> QuerySet | list:
    """The bookings about a ticket, shown on its page: when and their status only, as
    ``(pk, slot start, office time zone, status)`` rows (no model instances to build)."""
    visible = _visible(user)
    if visible is None:
        return []
    return Appointment.objects.filter(visible, ticket=ticket).values_list(
        "pk", "slot__starts_at", "office__timezone", "status"
    )


def events_visible_to(user, office: Office) -> QuerySet[Event]:
    """Working-group meetings are for the office's staff only; other events are public."""
    qs = Event.objects.filter(office=office).prefetch_related("invited")
    if not is_office_staff(user, office):
        qs = qs.exclude(kind=Event.Kind.WORKING_GROUP)
    return qs


def events_for_organisation(organisation) -> QuerySet[Event]:
    return Event.objects.filter(
        Q(invited=organisation) | Q(kind__in=[Event.Kind.OUTREACH, Event.Kind.REHEARSAL]),
        office_id=organisation.office_id,
    ).distinct()


@dataclass(frozen=True)
class DayPlan:
    day: date
    appointments: list[Appointment]
    conflicts: list[planning.Conflict]

    def conflicted_ids(self) -> set[int]:
        return {pk for c in self.conflicts for pk in c.booking_ids}


def registration_plan(office: Office, days: list[date]) -> list[DayPlan]:
    """Arrivals booked on the registration days, with conflicts flagged across all the days."""
    tz = office_tz(office)
    bookings = list(
        Appointment.objects.filter(office=office, slot__kind=SlotKind.REGISTRATION)
        .exclude(status=Appointment.Status.CANCELLED)
        .select_related("slot", "organisation")
    )
    entries = [
        planning.PlanEntry(
            booking_id=a.pk,
            organisation=a.organisation.code,
            kind=a.organisation.kind,
            party_codes=tuple(a.party_codes),
            day=a.slot.starts_at.astimezone(tz).date(),
        )
        for a in bookings
    ]
    conflicts = planning.plan_conflicts(entries)
    return [
        DayPlan(
            day=day,
            appointments=[a for a in bookings if a.slot.starts_at.astimezone(tz).date() == day],
            conflicts=conflicts,
        )
        for day in days
    ]


def queue_today(office: Office, day: date) -> dict[str, list[QueueNumber]]:
    numbers = QueueNumber.objects.filter(office=office, day=day).select_related("organisation")
    out: dict[str, list[QueueNumber]] = {"waiting": [], "called": [], "served": []}
    for n in numbers:
        if n.status == QueueNumber.Status.WAITING:
            out["waiting"].append(n)
        elif n.status == QueueNumber.Status.CALLED:
            out["called"].append(n)
        elif n.status == QueueNumber.Status.SERVED:
            out["served"].append(n)
    return out


def day_bounds(office: Office, day: date) -> tuple[datetime, datetime]:
    tz = office_tz(office)
    start = datetime.combine(day, datetime.min.time(), tzinfo=tz)
    return start, start + timedelta(days=1)
