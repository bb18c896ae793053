"""Business time: an office's working time and arithmetic in it (pure, no Django).

See `core` for the calendar and the arithmetic, `explain` for "why is this due then".
"""

from mejabantu.offices.business_time.core import (
    Closure,
    DayPlan,
    Override,
    SpecialDay,
    WorkingCalendar,
    add_working_minutes,
    current_interval,
    format_clock,
    is_open,
    next_opening,
    open_intervals,
    parse_clock,
    parse_spans,
    parse_spans_text,
    spans_text,
    working_minutes_between,
)
from mejabantu.offices.business_time.explain import (
    CountedDay,
    DueExplanation,
    SkippedDay,
    explain_due,
)

__all__ = [
    "Closure",
    "CountedDay",
    "DayPlan",
    "DueExplanation",
    "Override",
    "SkippedDay",
    "SpecialDay",
    "WorkingCalendar",
    "add_working_minutes",
    "current_interval",
    "explain_due",
    "format_clock",
    "is_open",
    "next_opening",
    "open_intervals",
    "parse_clock",
    "parse_spans",
    "parse_spans_text",
    "spans_text",
    "working_minutes_between",
]
