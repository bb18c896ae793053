"""Working time of an office for the other apps (schedule, helpdesk, pages).

The schedule app builds appointment slots from `open_intervals_for`; the helpdesk computes
SLA clocks with `office_calendar` + `sla_policy_for` + `compute_ticket_clocks`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from mejabantu.offices import business_time as bt
from mejabantu.offices import clock
from mejabantu.offices.models import Office, SlaPolicy
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
    "ticket_clocks_for",
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


def ticket_clocks_for(
    office: Office,
    *,
    category_code: str,
    priority: str,
    received_at: datetime,
    now: datetime | None = None,
    first_responded_at: datetime | None = None,
    resolved_at: datetime | None = None,
    pauses: list[Pause] | tuple[Pause, ...] = (),
    policies: list[SlaPolicy] | None = None,
) -> TicketClocks | None:
    """Look up the office's SLA policy (among ``policies`` if the caller has the office's
    list) and return the ticket's clocks (None: no policy)."""
    policy = sla_policy_for(office, category_code, priority, policies)
    if policy is None:
        return None
    return compute_ticket_clocks(
        calendar=office_calendar(office),
        policy=policy,
        received_at=received_at,
        now=now or clock.now(),
        first_responded_at=first_responded_at,
        resolved_at=resolved_at,
        pauses=pauses,
    )


@dataclass(frozen=True)
class ExplanationText:
    """An explanation of a due time as translated lines, ready for a page."""

    counted: list[str]
    skipped: list[str]
    pauses: list[str]


def explanation_text(data: dict, office: Office) -> ExplanationText:
    """Turn `explain_due(...).as_dict()` or an SLA clock's `explanation` into lines.

    Example (Indonesian): "Jumat, 16 Agustus 2024: 15.50–16.30 (40 menit)" and
    "Sabtu, 17 Agustus 2024: Hari Kemerdekaan Republik Indonesia (hari libur)".
    """
    from django.utils.dateparse import parse_date, parse_datetime
    from django.utils.formats import date_format
    from django.utils.translation import gettext as _
    from django.utils.translation import ngettext

    from mejabantu.core.templatetags.mejabantu import format_in_zone

    segments = data.get("segments") or [data]
    counted: list[str] = []
    skipped: list[str] = []
    reasons = {
        "holiday": _("holiday"),
        "closure": _("closed"),
        "partial_closure": _("closed %(from)s–%(to)s"),
    }
    for segment in segments:
        for day in segment.get("counted", []):
            minutes = round(day["minutes"])
            spans = ", ".join(f"{a}–{b}" for a, b in day["spans"])
            counted.append(
                "{}: {} ({})".format(
                    date_format(parse_date(day["date"]), "l, j F Y"),
                    spans,
                    ngettext("%(n)s minute", "%(n)s minutes", minutes) % {"n": minutes},
                )
            )
        for day in segment.get("skipped", []):
            reason = reasons.get(day["reason"], day["reason"]) % {
                "from": day.get("from"),
                "to": day.get("to"),
            }
            skipped.append(
                "{}: {} ({})".format(
                    date_format(parse_date(day["date"]), "l, j F Y"), day["name"], reason
                )
            )
    pauses = [
        _("paused %(from)s – %(to)s")
        % {
            "from": format_in_zone(parse_datetime(p["from"]), office.timezone),
            "to": format_in_zone(parse_datetime(p["to"]), office.timezone) if p["to"] else _("now"),
        }
        for p in data.get("pauses", [])
    ]
    return ExplanationText(counted=counted, skipped=skipped, pauses=pauses)
