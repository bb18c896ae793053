"""Waiting times in an office's working minutes, and their median and p90 (pure, no Django).

A ticket's wait runs from when it was received to when it was answered (or resolved), counted
in the working time of the office where it was asked, less the spans it waited on the
requester or for guidance (the same pauses that stop its SLA clocks).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from datetime import datetime

from mejabantu.offices.business_time import WorkingCalendar, working_minutes_between
from mejabantu.offices.sla import Pause


def paused_spans(
    pauses: Iterable[Pause], start: datetime, stop: datetime
) -> list[tuple[datetime, datetime]]:
    """The pauses clipped to [start, stop] and merged where they overlap (an open pause runs
    until ``stop``)."""
    spans: list[tuple[datetime, datetime]] = []
    for pause in sorted(pauses, key=lambda p: p.start):
        a = max(pause.start, start)
        b = min(pause.end if pause.end is not None else stop, stop)
        if b <= a:
            continue
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], b))
        else:
            spans.append((a, b))
    return spans


def working_wait(
    calendar: WorkingCalendar, start: datetime, stop: datetime, pauses: Iterable[Pause] = ()
) -> float:
    """Working minutes from ``start`` to ``stop``, less the working minutes paused."""
    if stop <= start:
        return 0.0
    total = working_minutes_between(calendar, start, stop)
    for a, b in paused_spans(pauses, start, stop):
        total -= working_minutes_between(calendar, a, b)
    return max(total, 0.0)


def median(values: Sequence[float]) -> float | None:
    """The middle value (the mean of the two middle ones for an even count); None if empty."""
    return round(statistics.median(values), 1) if values else None


def p90(values: Sequence[float]) -> float | None:
    """The 90th percentile by nearest rank: the smallest value that at least 90 % of the
    values do not exceed (of 10 values the 9th smallest); None if empty."""
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[max(math.ceil(0.9 * len(ordered)) - 1, 0)], 1)


def percent(part: int, whole: int) -> float | None:
    """``part`` of ``whole`` in per cent, one decimal; None when there is nothing to count."""
    return round(100.0 * part / whole, 1) if whole else None
