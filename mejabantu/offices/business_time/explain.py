"""Explain a due time: which days and spans were counted, which holidays were skipped."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from mejabantu.offices.business_time.core import (
    DAY_MINUTES,
    Span,
    WorkingCalendar,
    add_working_minutes,
    format_clock,
    open_intervals,
)


@dataclass(frozen=True)
class CountedDay:
    """A date on which working time was counted, and the local spans counted."""

    day: date
    spans: tuple[Span, ...]
    minutes: float
    kind: str
    name: str = ""


@dataclass(frozen=True)
class SkippedDay:
    """A date (or part of one) that was not counted because of a holiday or closure."""

    day: date
    reason: str  # holiday | closure | partial_closure
    name: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class DueExplanation:
    """Why a due time is what it is: the days counted and the holidays/closures skipped."""

    start: datetime
    due: datetime
    minutes: float
    tz: str
    counted: tuple[CountedDay, ...] = field(default_factory=tuple)
    skipped: tuple[SkippedDay, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict:
        """Return plain JSON-ready data (local clock times as 'HH.MM')."""
        return {
            "start": self.start.isoformat(),
            "due": self.due.isoformat(),
            "minutes": self.minutes,
            "timezone": self.tz,
            "counted": [
                {
                    "date": c.day.isoformat(),
                    "spans": [[format_clock(s), format_clock(e)] for s, e in c.spans],
                    "minutes": c.minutes,
                    "kind": c.kind,
                    "name": c.name,
                }
                for c in self.counted
            ],
            "skipped": [
                {
                    "date": s.day.isoformat(),
                    "reason": s.reason,
                    "name": s.name,
                    "from": format_clock(s.start) if s.start is not None else None,
                    "to": format_clock(s.end) if s.end is not None else None,
                }
                for s in self.skipped
            ],
        }


def explain_due(cal: WorkingCalendar, start: datetime, minutes: int | float) -> DueExplanation:
    """Explain `add_working_minutes(cal, start, minutes)` day by day."""
    due = add_working_minutes(cal, start, minutes)
    counted: list[CountedDay] = []
    skipped: list[SkippedDay] = []
    first = start.astimezone(cal.tz).date()
    last = due.astimezone(cal.tz).date()
    day = first
    while day <= last:
        plan = cal.plan(day)
        if plan.kind == "holiday":
            skipped.append(SkippedDay(day=day, reason="holiday", name=plan.name))
        for closure in plan.closures:
            if closure.whole_day:
                if plan.kind != "holiday":
                    skipped.append(SkippedDay(day=day, reason="closure", name=closure.name))
            else:
                skipped.append(
                    SkippedDay(
                        day=day,
                        reason="partial_closure",
                        name=closure.name,
                        start=closure.start,
                        end=closure.end,
                    )
                )
        day_start = cal._local(day.toordinal(), 0)
        spans: list[Span] = []
        total = 0.0
        for a, b in open_intervals(
            cal, max(start, day_start), min(due, day_start + timedelta(days=1))
        ):
            la, lb = a.astimezone(cal.tz), b.astimezone(cal.tz)
            end_minute = DAY_MINUTES if lb.date() > day else lb.hour * 60 + lb.minute
            spans.append((la.hour * 60 + la.minute, end_minute))
            total += (b - a).total_seconds() / 60
        if spans:
            counted.append(
                CountedDay(
                    day=day, spans=tuple(spans), minutes=total, kind=plan.kind, name=plan.name
                )
            )
        day += timedelta(days=1)
    return DueExplanation(
        start=start,
        due=due,
        minutes=minutes,
        tz=cal.tz_name,
        counted=tuple(counted),
        skipped=tuple(skipped),
    )
