"""The period's tickets counted by category, channel, organisation, officer and priority."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Count, Min, Q, QuerySet
from django.utils.translation import gettext as _

from mejabantu.accounts.models import User
from mejabantu.helpdesk.choices import Channel, Priority
from mejabantu.helpdesk.models import Ticket

if TYPE_CHECKING:
    from mejabantu.reports.selectors import Period


@dataclass(frozen=True)
class Row:
    """One group: its code (``""`` for none), its label, and the three counts."""

    code: str
    label: str
    received: int
    answered: int
    resolved: int


# dimension -> the field grouped by (a code) and the field its label comes from (or None)
DIMENSIONS: dict[str, tuple[str, str | None]] = {
    "category": ("category__code", "category__name"),
    "channel": ("channel", None),
    "organisation": ("organisation__code", "organisation__name"),
    "officer": ("assignee__username", None),
    "priority": ("priority", None),
}


def _period_q(name: str, period: Period) -> Q:
    return Q(**{f"{name}__gte": period.start, f"{name}__lt": period.end})


def _labels(name: str, codes: list) -> dict:
    if name == "channel":
        return dict(Channel.choices)
    if name == "priority":
        return dict(Priority.choices)
    if name == "officer":
        people = User.objects.filter(username__in=[c for c in codes if c is not None])
        return {person.username: str(person) for person in people}
    return {}


def _none_label(name: str) -> str:
    return {
        "organisation": _("No organisation (the public)"),
        "officer": _("Not assigned"),
    }.get(name, _("None"))


def breakdown(tickets: QuerySet[Ticket], period: Period, name: str) -> list[Row]:
    """The tickets received, answered and resolved in the period, per value of ``name``
    (one of DIMENSIONS); most received first. The officer is the ticket's assignee now."""
    key, label_field = DIMENSIONS[name]
    received = _period_q("received_at", period)
    answered = _period_q("first_response_at", period)
    resolved = _period_q("resolved_at", period) & Q(merged_into__isnull=True)
    annotations = {
        "received": Count("pk", filter=received),
        "answered": Count("pk", filter=answered),
        "resolved": Count("pk", filter=resolved),
    }
    if label_field:
        annotations["label"] = Min(label_field)
    groups = list(
        tickets.filter(received | answered | resolved)
        .values(key)
        .annotate(**annotations)
        .order_by()
    )
    labels = _labels(name, [g[key] for g in groups])
    rows = []
    for group in groups:
        code = group[key]
        label = group.get("label") or labels.get(code)
        rows.append(
            Row(
                code="" if code is None else str(code),
                label=str(label) if code is not None and label else _none_label(name),
                received=group["received"],
                answered=group["answered"],
                resolved=group["resolved"],
            )
        )
    rows.sort(key=lambda r: (-r.received, -r.answered, r.code))
    return rows
