"""Reads of offices, regions and their working time."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Case, QuerySet, When
from django.shortcuts import get_object_or_404

from mejabantu.offices import business_time as bt
from mejabantu.offices import clock
from mejabantu.offices.defaults import national_holidays
from mejabantu.offices.models import (
    Closure,
    HoursChange,
    HoursOverride,
    Office,
    ServiceHours,
    SlaPolicy,
    SpecialDay,
    Weekday,
)

HOLIDAY_FIRST_YEAR = 2023
HOLIDAY_YEARS_AHEAD = 3


def office_get(*, code: str) -> Office:
    """Return the office with this Kemendagri code (or 'ri'), or raise 404."""
    return get_object_or_404(Office.objects.select_related("parent", "region"), code=code)


def offices_public() -> list[Office]:
    """Return every office, parents first, for the public office list."""
    return list(Office.objects.select_related("parent").order_by("level", "code"))


def offices_list(*, level: str = "", parent: str = "", q: str = "") -> QuerySet[Office]:
    """Every office (public), KPU RI first and then by code, so that a province is followed by
    its kabupaten/kota; narrowed by level, parent office code and a part of the name."""
    qs = Office.objects.select_related("parent", "region").order_by(
        Case(When(level=Office.Level.RI, then=0), default=1), "code"
    )
    if level:
        qs = qs.filter(level=level)
    if parent:
        qs = qs.filter(parent__code=parent)
    if q.strip():
        qs = qs.filter(name__icontains=q.strip())
    return qs


def office_for_coordinator(*, user, code: str) -> Office:
    """Return the office whose working time `user` may edit: its own coordinator only.

    Raise 404 for an unknown office and 403 for anyone but that office's coordinator.
    """
    office = office_get(code=code)
    if (
        not (user.is_authenticated and getattr(user, "is_coordinator", False))
        or getattr(user, "office_id", None) != office.pk
    ):
        raise PermissionDenied
    return office


# -- the working calendar ----------------------------------------------------------------

_cache: dict[int, tuple[int, bt.WorkingCalendar]] = {}
_cache_lock = threading.Lock()


def office_calendar_cache_clear() -> None:
    """Forget every cached calendar (tests; a change bumps `hours_version` instead)."""
    with _cache_lock:
        _cache.clear()


def office_calendar(office: Office) -> bt.WorkingCalendar:
    """Return the office's working calendar, cached per process until its hours change.

    Every change through the services bumps `Office.hours_version`, so each process (each
    gunicorn worker) rebuilds on the next request after a change.
    """
    found = _cache.get(office.pk)
    if found is not None and found[0] == office.hours_version:
        return found[1]
    calendar = build_calendar(office)
    with _cache_lock:
        _cache[office.pk] = (office.hours_version, calendar)
    return calendar


def build_calendar(office: Office) -> bt.WorkingCalendar:
    """Build the pure calendar from the office's rows and the national holidays."""
    weekly: dict[int, list[tuple[int, int]]] = {}
    for row in ServiceHours.objects.filter(office=office):
        weekly.setdefault(row.weekday, []).append((_minutes(row.start), _minutes(row.end)))
    this_year = clock.now().year
    holidays = dict(national_holidays(range(HOLIDAY_FIRST_YEAR, this_year + HOLIDAY_YEARS_AHEAD)))
    closures = []
    for closure in Closure.objects.filter(office=office):
        if closure.whole_day and closure.kind != Closure.Kind.CLOSURE:
            holidays[closure.date] = closure.name
            continue
        closures.append(
            bt.Closure(
                day=closure.date,
                name=closure.name,
                start=_minutes(closure.start) if closure.start else None,
                end=_minutes(closure.end) if closure.end else None,
            )
        )
    overrides = [
        bt.Override(
            first=o.first_day,
            last=o.last_day,
            name=o.name,
            weekly={int(k): bt.parse_spans_text(v) for k, v in (o.weekly or {}).items()},
        )
        for o in HoursOverride.objects.filter(office=office)
    ]
    special_days = [
        bt.SpecialDay(day=s.date, name=s.name, spans=bt.parse_spans_text(s.hours))
        for s in SpecialDay.objects.filter(office=office)
    ]
    return bt.WorkingCalendar(
        tz=office.timezone,
        weekly=weekly,
        holidays=holidays,
        closures=closures,
        overrides=overrides,
        special_days=special_days,
    )


def _minutes(value) -> int:
    return value.hour * 60 + value.minute


# -- what pages and the API show -----------------------------------------------------------


@dataclass(frozen=True)
class WeekRow:
    weekday: int
    label: str
    spans_text: str


def weekly_hours(office: Office) -> list[WeekRow]:
    """Return the regular week, Monday first, with '07.30–12.00, 13.00–16.00' per day."""
    calendar = office_calendar(office)
    return [
        WeekRow(
            weekday=int(day), label=str(day.label), spans_text=bt.spans_text(calendar.weekly[day])
        )
        for day in Weekday
    ]


@dataclass(frozen=True)
class DatedEntry:
    date: date
    name: str
    kind: str  # holiday | closure | special
    hours: str = ""
    confirmed: bool = True


def dated_entries(office: Office, first: date, last: date) -> list[DatedEntry]:
    """Return the holidays, closures and special days of the office between two dates."""
    calendar = office_calendar(office)
    entries = [
        DatedEntry(date=day, name=name, kind="holiday")
        for day, name in calendar.holidays.items()
        if first <= day <= last and day not in calendar.special_days
    ]
    for day, closures in calendar.closures.items():
        if first <= day <= last:
            for closure in closures:
                hours = "" if closure.whole_day else bt.spans_text([(closure.start, closure.end)])  # type: ignore[list-item]
                entries.append(DatedEntry(date=day, name=closure.name, kind="closure", hours=hours))
    confirmed = dict(
        SpecialDay.objects.filter(office=office, date__range=(first, last)).values_list(
            "date", "confirmed"
        )
    )
    for day, special in calendar.special_days.items():
        if first <= day <= last:
            entries.append(
                DatedEntry(
                    date=day,
                    name=special.name,
                    kind="special",
                    hours=bt.spans_text(special.spans),
                    confirmed=confirmed.get(day, True),
                )
            )
    return sorted(entries, key=lambda e: (e.date, e.kind))


def upcoming_entries(office: Office, today: date, days: int = 60) -> list[DatedEntry]:
    """Return the holidays, closures and special days of the coming weeks."""
    return dated_entries(office, today, today + timedelta(days=days))


def office_closures(office: Office) -> QuerySet[Closure]:
    return Closure.objects.filter(office=office).order_by("-date")


def office_special_days(office: Office) -> QuerySet[SpecialDay]:
    return SpecialDay.objects.filter(office=office).order_by("-date")


def office_overrides(office: Office) -> QuerySet[HoursOverride]:
    return HoursOverride.objects.filter(office=office).order_by("-first_day")


def office_sla_policies(office: Office) -> QuerySet[SlaPolicy]:
    return SlaPolicy.objects.filter(office=office)


def hours_changes(office: Office, limit: int = 50) -> list[HoursChange]:
    """Return the latest changes to the office's working time, newest first."""
    return list(HoursChange.objects.filter(office=office).select_related("actor")[:limit])


def sla_policy_for(
    office: Office, category_code: str, priority: str, policies: list[SlaPolicy] | None = None
) -> SlaPolicy | None:
    """Return the most specific SLA policy for a ticket, or None when the office has none.

    Order: category and priority both match; category matches (any priority); priority
    matches (any category); the office's catch-all policy. ``policies``: all of the office's
    policies, if the caller keeps them (otherwise they are read).
    """
    if policies is None:
        policies = SlaPolicy.objects.filter(
            office=office, category_code__in=[category_code, ""], priority__in=[priority, ""]
        )
    candidates = {(p.category_code, p.priority): p for p in policies}
    for key in ((category_code, priority), (category_code, ""), ("", priority), ("", "")):
        if key in candidates:
            return candidates[key]
    return None
