"""SLA clocks counted in an office's working time (pure, no Django).

A clock starts at the ticket's `received_at`, counts only the office's working time, pauses
while the ticket waits on the requester or on guidance from a higher office, and stops when
the target event happens (first response, resolution). Its state is one of:

- `ok`: running, under the warning threshold;
- `warning`: running, past the warning threshold (default 75 % of the target);
- `breached`: running past the due time, or stopped after it;
- `paused`: waiting on the requester or on guidance (the due time moves on while paused);
- `met`: stopped on or before the due time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Protocol

from mejabantu.offices.business_time import (
    WorkingCalendar,
    add_working_minutes,
    explain_due,
    working_minutes_between,
)

OK, WARNING, BREACHED, PAUSED, MET = "ok", "warning", "breached", "paused", "met"
STATES = (OK, WARNING, BREACHED, PAUSED, MET)


@dataclass(frozen=True)
class Pause:
    """A span the clock did not run; `end` None means it is still paused."""

    start: datetime
    end: datetime | None = None
    reason: str = ""  # e.g. "waiting_requester", "waiting_guidance"


@dataclass(frozen=True)
class Clock:
    """One SLA clock at an instant `now`."""

    target_minutes: int
    warning_percent: int
    started_at: datetime
    due: datetime
    warning_at: datetime
    elapsed_minutes: float
    state: str
    stopped_at: datetime | None = None
    paused_since: datetime | None = None
    explain: Callable[[], dict] | None = field(default=None, compare=False, repr=False)

    @cached_property
    def explanation(self) -> dict:
        """How the due time was reached: segments of working time counted, days skipped,
        pauses (computed when first asked: most uses of a clock never need it)."""
        return self.explain() if self.explain is not None else {}

    @property
    def remaining_minutes(self) -> float:
        return max(self.target_minutes - self.elapsed_minutes, 0.0)

    @property
    def percent(self) -> float:
        return 100.0 * self.elapsed_minutes / self.target_minutes if self.target_minutes else 100.0


def _merged(
    pauses: Iterable[Pause], start: datetime, until: datetime
) -> list[tuple[datetime, datetime | None]]:
    """Sort, clip to [start, until] and merge overlapping pauses; an open pause ends None."""
    spans: list[tuple[datetime, datetime | None]] = []
    for pause in sorted(pauses, key=lambda p: p.start):
        a = max(pause.start, start)
        b = pause.end
        if a >= until or (b is not None and b <= a):
            continue
        if b is not None and b > until:
            b = until
        if spans and (spans[-1][1] is None or a <= spans[-1][1]):
            last_a, last_b = spans[-1]
            spans[-1] = (last_a, None if last_b is None or b is None else max(last_b, b))
        else:
            spans.append((a, b))
    return spans


def compute_clock(
    cal: WorkingCalendar,
    *,
    started_at: datetime,
    target_minutes: int,
    now: datetime,
    pauses: Iterable[Pause] = (),
    stopped_at: datetime | None = None,
    warning_percent: int = 75,
) -> Clock:
    """Return the clock's due time, elapsed working minutes and state at `now`.

    While paused, the due time shown is the one reached if the clock resumed at `now`.
    """
    end = min(now, stopped_at) if stopped_at is not None else now
    spans = _merged(pauses, started_at, max(end, started_at))
    # walk the running segments between pauses
    segments: list[tuple[datetime, float]] = []
    cursor, remaining, elapsed = started_at, float(target_minutes), 0.0
    due: datetime | None = None
    paused_since: datetime | None = None
    for a, b in spans:
        worked = working_minutes_between(cal, cursor, a)
        if due is None and worked >= remaining:
            due = add_working_minutes(cal, cursor, remaining)
            segments.append((cursor, remaining))
        elif due is None:
            segments.append((cursor, worked))
            remaining -= worked
        elapsed += worked
        if b is None:
            paused_since = a
            cursor = max(end, a)
            break
        cursor = b
    else:
        paused_since = None
    if paused_since is None or stopped_at is not None:
        elapsed += max(working_minutes_between(cal, cursor, end), 0.0)
    if due is None:
        due = add_working_minutes(cal, cursor, remaining)
        segments.append((cursor, remaining))
    warning_minutes = target_minutes * warning_percent / 100
    warning_at = _instant_at(
        cal, started_at, spans, warning_minutes, due, resume=max(end, started_at)
    )
    if stopped_at is not None and stopped_at <= now:
        state = MET if stopped_at <= due else BREACHED
    elif paused_since is not None:
        state = BREACHED if elapsed >= target_minutes and target_minutes else PAUSED
    elif now >= due:
        state = BREACHED
    elif elapsed >= warning_minutes:
        state = WARNING
    else:
        state = OK

    def explanation() -> dict:
        return {
            "target_minutes": target_minutes,
            "elapsed_minutes": elapsed,
            "pauses": [
                {"from": a.isoformat(), "to": b.isoformat() if b else None} for a, b in spans
            ],
            "segments": [
                explain_due(cal, seg_start, minutes).as_dict() for seg_start, minutes in segments
            ],
        }

    return Clock(
        target_minutes=target_minutes,
        warning_percent=warning_percent,
        started_at=started_at,
        due=due,
        warning_at=warning_at,
        elapsed_minutes=elapsed,
        state=state,
        stopped_at=stopped_at if stopped_at is not None and stopped_at <= now else None,
        paused_since=paused_since if stopped_at is None else None,
        explain=explanation,
    )


def _instant_at(
    cal: WorkingCalendar,
    start: datetime,
    spans: list[tuple[datetime, datetime | None]],
    minutes: float,
    due: datetime,
    *,
    resume: datetime,
) -> datetime:
    """Return when `minutes` of running time have passed (pauses excluded), capped at due.

    An open pause is taken to end at `resume` (now), as for the due time.
    """
    cursor, remaining = start, float(minutes)
    for a, b in spans:
        worked = working_minutes_between(cal, cursor, a)
        if worked >= remaining:
            break
        remaining -= worked
        cursor = resume if b is None else b
    return min(add_working_minutes(cal, cursor, remaining), due)


class Targets(Protocol):
    """What a policy gives a ticket (an `SlaPolicy` row fits)."""

    first_response_minutes: int
    resolution_minutes: int
    warning_percent: int


@dataclass(frozen=True)
class TicketClocks:
    """A ticket's two clocks; the overall state is the worse of the two."""

    first_response: Clock
    resolution: Clock

    @property
    def state(self) -> str:
        order = [BREACHED, WARNING, OK, PAUSED, MET]
        return min(self.first_response.state, self.resolution.state, key=order.index)


def compute_ticket_clocks(
    *,
    calendar: WorkingCalendar,
    policy: Targets,
    received_at: datetime,
    now: datetime,
    first_responded_at: datetime | None = None,
    resolved_at: datetime | None = None,
    pauses: Iterable[Pause] = (),
) -> TicketClocks:
    """Return the first-response and resolution clocks of a ticket at `now`.

    The first-response clock stops at the first public reply; the resolution clock at the
    resolution. Both pause while the ticket waits on the requester or on guidance.
    """
    pauses = list(pauses)
    common = {
        "started_at": received_at,
        "now": now,
        "pauses": pauses,
        "warning_percent": policy.warning_percent,
    }
    return TicketClocks(
        first_response=compute_clock(
            calendar,
            target_minutes=policy.first_response_minutes,
            stopped_at=first_responded_at,
            **common,
        ),
        resolution=compute_clock(
            calendar, target_minutes=policy.resolution_minutes, stopped_at=resolved_at, **common
        ),
    )
