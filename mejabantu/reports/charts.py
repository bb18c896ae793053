"""Bar charts of a breakdown, drawn on the server as SVG (no script, no style attribute).

The page's policy allows scripts and styles from the site only, so the chart is plain SVG
markup with presentation attributes (``fill``, ``x``, ``width``); its numbers stand in the
table beside it, which is what screen readers and a narrow phone read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import pgettext

from mejabantu.reports.breakdowns import Row

WIDTH = 360  # viewBox units; the SVG scales to its box (readable at 390 px wide)
LABEL_HEIGHT = 16
BAR_HEIGHT = 9
BAR_GAP = 2
GROUP_GAP = 10
BAR_X = 4
BAR_SPACE = 300  # the longest bar; the rest of the width holds its number
SERIES = (  # field, colour (the site's blue, teal and green; dark enough on white)
    ("received", "#1d4ed8"),
    ("answered", "#0f766e"),
    ("resolved", "#15803d"),
)
MAX_GROUPS = 10


@dataclass(frozen=True)
class Bar:
    y: int
    width: float
    value: int
    fill: str
    series: str

    @property
    def value_x(self) -> float:
        return BAR_X + self.width + 4

    @property
    def text_y(self) -> int:
        return self.y + BAR_HEIGHT - 1


@dataclass(frozen=True)
class Group:
    label: str
    label_y: int
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class LegendItem:
    label: str
    fill: str
    x: int


@dataclass(frozen=True)
class Chart:
    title: str
    width: int
    height: int
    groups: tuple[Group, ...]
    legend: tuple[LegendItem, ...]
    omitted: int  # groups beyond MAX_GROUPS, in the table only

    @property
    def legend_y(self) -> int:
        return 12


def series_labels() -> dict[str, str]:
    """The three counts' names (in context: the helpdesk's "resolved" is a status)."""
    return {
        "received": pgettext("report count", "received"),
        "answered": pgettext("report count", "answered"),
        "resolved": pgettext("report count", "resolved"),
    }


def bar_chart(rows: Sequence[Row], *, title: str) -> Chart:
    """The chart of a breakdown's first MAX_GROUPS rows: per group its label, then one bar
    each for received, answered and resolved, scaled to the largest count."""
    labels = series_labels()
    shown = list(rows[:MAX_GROUPS])
    largest = max([max(r.received, r.answered, r.resolved) for r in shown] + [1])
    groups = []
    y = 24  # under the legend
    for row in shown:
        label_y = y + LABEL_HEIGHT - 4
        y += LABEL_HEIGHT
        bars = []
        for field, fill in SERIES:
            value = getattr(row, field)
            bars.append(
                Bar(
                    y=y,
                    width=round(BAR_SPACE * value / largest, 1),
                    value=value,
                    fill=fill,
                    series=labels[field],
                )
            )
            y += BAR_HEIGHT + BAR_GAP
        groups.append(Group(label=_shorten(row.label), label_y=label_y, bars=tuple(bars)))
        y += GROUP_GAP
    legend = tuple(
        LegendItem(label=labels[field], fill=fill, x=BAR_X + i * 110)
        for i, (field, fill) in enumerate(SERIES)
    )
    return Chart(
        title=title,
        width=WIDTH,
        height=max(y, 40),
        groups=tuple(groups),
        legend=legend,
        omitted=max(len(rows) - MAX_GROUPS, 0),
    )


def _shorten(label: str, limit: int = 48) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
