"""Writes to an office's working time: hours, closures, special days and SLA policies.

Every change bumps `Office.hours_version` (so cached calendars are rebuilt in every process)
and writes a `HoursChange` row: who, when, before and after.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from mejabantu.offices import business_time as bt
from mejabantu.offices.models import (
    Closure,
    HoursChange,
    HoursOverride,
    Office,
    ServiceHours,
    SlaPolicy,
    SpecialDay,
)


def _log(*, office: Office, actor, subject: str, before: Any, after: Any) -> HoursChange:
    Office.objects.filter(pk=office.pk).update(hours_version=F("hours_version") + 1)
    Office.bump("setup_version", pk=office.pk)  # the pages that show its working time
    office.refresh_from_db(fields=["hours_version"])
    return HoursChange.objects.create(
        office=office,
        actor=actor if getattr(actor, "pk", None) else None,
        at=timezone.now(),  # the real instant, even when the working-time clock is frozen
        subject=subject,
        before=before,
        after=after,
    )


def _clock(minutes: int) -> time:
    if minutes >= 24 * 60:
        return time(23, 59)
    return time(minutes // 60, minutes % 60)


def _week_snapshot(office: Office) -> dict[str, str]:
    spans: dict[int, list[tuple[int, int]]] = {}
    for row in ServiceHours.objects.filter(office=office):
        spans.setdefault(row.weekday, []).append(
            (row.start.hour * 60 + row.start.minute, row.end.hour * 60 + row.end.minute)
        )
    return {str(day): bt.spans_text(spans.get(day, [])) for day in range(7)}


@transaction.atomic
def weekly_hours_set(
    *, office: Office, actor, hours: dict[int, str], confirmed: bool | None = None
) -> Office:
    """Replace the office's regular week; `hours` maps weekday (0 = Monday) to span text.

    Raise ValueError when a day's text is not a valid list of spans.
    """
    parsed = {day: bt.parse_spans_text(hours.get(day, "")) for day in range(7)}
    before = {"hours": _week_snapshot(office), "confirmed": office.hours_confirmed}
    ServiceHours.objects.filter(office=office).delete()
    ServiceHours.objects.bulk_create(
        ServiceHours(office=office, weekday=day, start=_clock(s), end=_clock(e))
        for day, spans in parsed.items()
        for s, e in spans
    )
    if confirmed is not None and confirmed != office.hours_confirmed:
        office.hours_confirmed = confirmed
        office.save(update_fields=["hours_confirmed"])
    after = {"hours": _week_snapshot(office), "confirmed": office.hours_confirmed}
    if after != before:
        _log(
            office=office,
            actor=actor,
            subject=HoursChange.Subject.WEEKLY_HOURS,
            before=before,
            after=after,
        )
    return office


def _closure_data(closure: Closure) -> dict:
    return {
        "date": closure.date.isoformat(),
        "name": closure.name,
        "kind": closure.kind,
        "from": f"{closure.start:%H.%M}" if closure.start else None,
        "to": f"{closure.end:%H.%M}" if closure.end else None,
    }


@transaction.atomic
def closure_create(
    *,
    office: Office,
    actor,
    day: date,
    name: str,
    kind: str = Closure.Kind.CLOSURE,
    start: time | None = None,
    end: time | None = None,
) -> Closure:
    """Close the desk on a date: collective leave, a holiday, or a local closure (or a span)."""
    if (start is None) != (end is None) or (start is not None and end is not None and end <= start):
        raise ValueError("a partial closure needs a start before its end")
    closure = Closure.objects.create(
        office=office, date=day, name=name, kind=kind, start=start, end=end
    )
    _log(
        office=office,
        actor=actor,
        subject=HoursChange.Subject.CLOSURE,
        before=None,
        after=_closure_data(closure),
    )
    return closure


@transaction.atomic
def closure_delete(*, closure: Closure, actor) -> None:
    """Remove a closure; the desk follows its usual hours that day again."""
    office = closure.office
    before = _closure_data(closure)
    closure.delete()
    _log(office=office, actor=actor, subject=HoursChange.Subject.CLOSURE, before=before, after=None)


def _special_data(special: SpecialDay) -> dict:
    return {
        "date": special.date.isoformat(),
        "name": special.name,
        "hours": special.hours,
        "confirmed": special.confirmed,
    }


@transaction.atomic
def special_day_save(
    *, office: Office, actor, day: date, name: str, hours: str, confirmed: bool = True
) -> SpecialDay:
    """Set the hours of one date, replacing the week (e.g. a registration day)."""
    text = bt.spans_text(bt.parse_spans_text(hours))
    if not text:
        raise ValueError("a special day needs opening hours; add a closure to close instead")
    existing = SpecialDay.objects.filter(office=office, date=day).first()
    before = _special_data(existing) if existing else None
    special, _ = SpecialDay.objects.update_or_create(
        office=office, date=day, defaults={"name": name, "hours": text, "confirmed": confirmed}
    )
    after = _special_data(special)
    if after != before:
        _log(
            office=office,
            actor=actor,
            subject=HoursChange.Subject.SPECIAL_DAY,
            before=before,
            after=after,
        )
    return special


@transaction.atomic
def special_day_delete(*, special_day: SpecialDay, actor) -> None:
    """Remove a special day; the date follows the week again."""
    office = special_day.office
    before = _special_data(special_day)
    special_day.delete()
    _log(
        office=office,
        actor=actor,
        subject=HoursChange.Subject.SPECIAL_DAY,
        before=before,
        after=None,
    )


def _override_data(override: HoursOverride) -> dict:
    return {
        "name": override.name,
        "first_day": override.first_day.isoformat(),
        "last_day": override.last_day.isoformat(),
        "weekly": override.weekly,
    }


@transaction.atomic
def hours_override_create(
    *, office: Office, actor, name: str, first_day: date, last_day: date, hours: dict[int, str]
) -> HoursOverride:
    """Set weekly hours for a date range, e.g. Ramadan (Perpres 21/2023: start 08.00)."""
    if last_day < first_day:
        raise ValueError("the last day comes before the first day")
    weekly = {str(day): bt.spans_text(bt.parse_spans_text(hours.get(day, ""))) for day in range(7)}
    override = HoursOverride.objects.create(
        office=office, name=name, first_day=first_day, last_day=last_day, weekly=weekly
    )
    _log(
        office=office,
        actor=actor,
        subject=HoursChange.Subject.DATED_HOURS,
        before=None,
        after=_override_data(override),
    )
    return override


@transaction.atomic
def hours_override_delete(*, override: HoursOverride, actor) -> None:
    """Remove dated hours; the regular week applies again in that range."""
    office = override.office
    before = _override_data(override)
    override.delete()
    _log(
        office=office,
        actor=actor,
        subject=HoursChange.Subject.DATED_HOURS,
        before=before,
        after=None,
    )


def _policy_data(policy: SlaPolicy) -> dict:
    return {
        "category_code": policy.category_code,
        "priority": policy.priority,
        "first_response_minutes": policy.first_response_minutes,
        "resolution_minutes": policy.resolution_minutes,
        "warning_percent": policy.warning_percent,
    }


@transaction.atomic
def sla_policy_save(
    *,
    office: Office,
    actor,
    category_code: str,
    priority: str,
    first_response_minutes: int,
    resolution_minutes: int,
    warning_percent: int = 75,
) -> SlaPolicy:
    """Create or update the SLA policy of a category and priority (blank = any)."""
    if first_response_minutes <= 0 or resolution_minutes <= 0:
        raise ValueError("targets must be positive")
    if not 1 <= warning_percent <= 99:
        raise ValueError("the warning threshold must be between 1 and 99 percent")
    existing = SlaPolicy.objects.filter(
        office=office, category_code=category_code, priority=priority
    ).first()
    before = _policy_data(existing) if existing else None
    policy, _ = SlaPolicy.objects.update_or_create(
        office=office,
        category_code=category_code,
        priority=priority,
        defaults={
            "first_response_minutes": first_response_minutes,
            "resolution_minutes": resolution_minutes,
            "warning_percent": warning_percent,
        },
    )
    after = _policy_data(policy)
    if after != before:
        _log(
            office=office,
            actor=actor,
            subject=HoursChange.Subject.SLA_POLICY,
            before=before,
            after=after,
        )
    return policy


@transaction.atomic
def sla_policy_delete(*, policy: SlaPolicy, actor) -> None:
    """Remove an SLA policy; tickets fall back to a less specific one."""
    office = policy.office
    before = _policy_data(policy)
    policy.delete()
    _log(
        office=office,
        actor=actor,
        subject=HoursChange.Subject.SLA_POLICY,
        before=before,
        after=None,
    )
