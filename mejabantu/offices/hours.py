"""Working time of an office for the other apps (schedule, helpdesk, pages).

The schedule app builds appointment slots from `open_intervals_for`; the helpdesk computes
SLA clocks with `office_calendar` + `sla_policy_for` + `compute_ticket_clocks`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from mejabantu.offices import business_time as bt
from mejabantu.offices import clock
from mejabantu.offices.models import Office
from mejabantu.offices.selectors import office_calendar, sla_policy_for
from mejabantu.offices.sla import Pause, TicketClocks, compute_ticket_clocks

__all__ = [
    "OpeningStatus",
    "Pause",
    "TicketClocks",
    "compute_ticket_clocks",
    "is_open_now",
    "next_opening_for",
    "office_calendar",
    "open_intervals_for",
    "opening_status",
    "sla_policy_for",
]


def open_intervals_for(
    office: Office, start: datetime, end: datetime
) -> list[tuple[datetime, datetime]]:
    """Return the office's open intervals within [start, end) as aware local datetimes."""
    return bt.open_intervals(office_calendar(office), start, end)


def is_open_now(office: Office, now: datetime | None = None) -> bool:
    """Return whether the office's desk is open at `now` (default: the clock's now)."""
    return bt.is_open(office_calendar(office), now or clock.now())


def next_opening_for(office: Office, at: datetime | None = None) -> datetime | None:
    """Return the next instant the desk opens (`at` itself when it is open)."""
    return bt.next_opening(office_calendar(office), at or clock.now())


@dataclass(frozen=True)
class OpeningStatus:
    """'Open now until 16.00 WIB' or 'Closed, opens Monday 07.30 WIB' as data."""

    open: bool
    until: datetime | None  # local; when open
    opens_at: datetime | None  # local; when closed (None: no opening known)
    tz_label: str
    now: datetime

    @property
    def opens_today(self) -> bool:
        return self.opens_at is not None and self.opens_at.date() == self.now.date()

    @property
    def opens_tomorrow(self) -> bool:
        return self.opens_at is not None and (self.opens_at.date() - self.now.date()).days == 1


def opening_status(office: Office, now: datetime | None = None) -> OpeningStatus:
    """Return whether the desk is open now, until when, or when it opens next."""
    calendar = office_calendar(office)
    now = (now or clock.now()).astimezone(calendar.tz)
    current = bt.current_interval(calendar, now)
    if current is not None:
        return OpeningStatus(
            open=True,
            until=current[1].astimezone(calendar.tz),
            opens_at=None,
            tz_label=office.timezone_label,
            now=now,
        )
    opens_at = bt.next_opening(calendar, now, within_days=400)
    return OpeningStatus(
        open=False,
        until=None,
        opens_at=opens_at.astimezone(calendar.tz) if opens_at else None,
        tz_label=office.timezone_label,
        now=now,
    )
