"""What each figure is called and how it is computed, in the reader's language (the page and
the XLSX export say the same; docs/reports.md is the long form)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from mejabantu.reports.figures import Figures


@dataclass(frozen=True)
class Card:
    key: str  # data-testid and the XLSX row
    label: str
    value: float | int | None
    unit: str  # shown after the value: "", "%", "menit kerja"
    help: str

    @property
    def number(self) -> str:
        """The value as the reader's language writes it ("–" when there is none)."""
        if self.value is None:
            return "–"
        places = 0 if isinstance(self.value, int) else 1
        return number_format(self.value, decimal_pos=places, use_l10n=True)


def breakdown_titles() -> dict[str, str]:
    return {
        "category": _("By category"),
        "channel": _("By channel"),
        "organisation": _("By organisation"),
        "officer": _("By officer"),
        "priority": _("By priority"),
    }


def cards(found: Figures) -> list[Card]:
    minutes = _("working minutes")
    fr, res = found.first_response, found.resolution
    csat = found.satisfaction
    return [
        Card(
            "received",
            _("Received"),
            found.received,
            "",
            _(
                "Tickets received in the range (the time received an officer logged, for walk-ins and calls)."
            ),
        ),
        Card(
            "answered",
            _("Answered"),
            found.answered,
            "",
            _("Tickets whose first public reply falls in the range."),
        ),
        Card(
            "resolved",
            _("Resolved"),
            found.resolved,
            "",
            _(
                "Tickets resolved or closed in the range; a duplicate merged into another is not counted."
            ),
        ),
        Card(
            "first_response_median",
            _("First response, median"),
            fr.median,
            minutes,
            _(
                "Of the tickets answered in the range: the middle wait from received to the first "
                "reply, in the asking office's working time (hours, holidays, closures), less the "
                "time spent waiting on the requester or for guidance."
            ),
        ),
        Card(
            "first_response_p90",
            _("First response, p90"),
            fr.p90,
            minutes,
            _("Nine in ten of those tickets were answered within this many working minutes."),
        ),
        Card(
            "resolution_median",
            _("Resolution, median"),
            res.median,
            minutes,
            _(
                "Of the tickets resolved in the range: the middle wait from received to resolved, counted the same way."
            ),
        ),
        Card(
            "resolution_p90",
            _("Resolution, p90"),
            res.p90,
            minutes,
            _("Nine in ten of those tickets were resolved within this many working minutes."),
        ),
        Card(
            "sla_first_response",
            _("First response within the SLA"),
            found.sla_first_response.percent,
            "%",
            _(
                "Of the tickets received in the range with a due time whose clock is decided "
                "(answered, or past due while running): answered on or before the stored due time."
            ),
        ),
        Card(
            "sla_resolution",
            _("Resolution within the SLA"),
            found.sla_resolution.percent,
            "%",
            _("The same for the resolution due time."),
        ),
        Card(
            "overdue_now",
            _("Overdue now"),
            found.overdue_now,
            "",
            _("Open tickets handled now by these offices, past their next due time, not waiting."),
        ),
        Card(
            "waiting_guidance_now",
            _("Waiting for guidance now"),
            found.waiting_guidance_now,
            "",
            _(
                "Open tickets handled now by these offices, linked to an awaited guidance item (juknis)."
            ),
        ),
        Card(
            "escalated",
            _("Escalated"),
            found.escalated,
            "",
            _("Tickets these offices escalated to an office above in the range."),
        ),
        Card(
            "forwarded",
            _("Forwarded"),
            found.forwarded,
            "",
            _("Tickets these offices forwarded to another competent office in the range."),
        ),
        Card(
            "csat_mean",
            _("Satisfaction, mean"),
            csat.mean,
            "",
            _("The mean of the ratings (1 to 5) requesters gave in the range."),
        ),
        Card(
            "csat_count",
            _("Ratings given"),
            csat.count,
            "",
            _("How many ratings were given in the range."),
        ),
    ]


def summary_lines(found: Figures) -> list[tuple[str, float | int | None]]:
    """(label, value) of each figure, then the count of each rating."""
    lines = [(f"{c.label} ({c.unit})" if c.unit else c.label, c.value) for c in cards(found)]
    for stars, count in found.satisfaction.distribution.items():
        lines.append((_("Rated %(stars)s") % {"stars": stars}, count))
    return lines
