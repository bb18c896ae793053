"""An office's figures over a period, computed from the stored tickets, rolled up below it.

Which tickets count (docs/reports.md says the same for the people reading them):

- a ticket belongs to the office where it was *asked* (``Ticket.office``); a province's figures
  add up its own and those of its kabupaten/kota, KPU RI's every office's;
- *received*: received in the period; *answered*: first public reply in the period;
  *resolved*: resolved (or closed) in the period, never a duplicate merged into another;
- first-response and resolution times: from received to the first reply (or the resolution), in
  the working time of the office where the ticket was asked, less the time it waited on the
  requester or for guidance; median and p90 of the tickets answered (resolved) in the period;
- SLA met: of the tickets received in the period that have a due time and whose clock has
  stopped or run out, those answered (resolved) on or before their stored due time;
- *now*: overdue and waiting-for-guidance tickets are those the office's desks handle now;
- escalated and forwarded: hand-overs from these offices in the period (``TicketHop``);
- satisfaction: the ratings given in the period.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Avg, Count, F, Q, QuerySet

from mejabantu.helpdesk.choices import OPEN_STATUSES, Status
from mejabantu.helpdesk.models import AuditEvent, Ticket, TicketHop
from mejabantu.helpdesk.services.sla import ticket_pauses
from mejabantu.offices import clock
from mejabantu.offices.models import Office
from mejabantu.offices.selectors import office_calendar
from mejabantu.reports import timing
from mejabantu.reports.breakdowns import DIMENSIONS, Row, breakdown
from mejabantu.reports.selectors import Period, region_office_ids

PAUSE_KEYS = ("status", "pending_guidance")  # the audit changes that pause or resume a clock


@dataclass(frozen=True)
class Spread:
    """The median and p90 of a set of waits in working minutes, and how many there were."""

    count: int
    median: float | None
    p90: float | None

    @classmethod
    def of(cls, values: list[float]) -> Spread:
        return cls(count=len(values), median=timing.median(values), p90=timing.p90(values))


@dataclass(frozen=True)
class SlaMet:
    """Of the clocks decided (stopped, or run past their due time), how many were met."""

    met: int
    decided: int

    @property
    def percent(self) -> float | None:
        return timing.percent(self.met, self.decided)


@dataclass(frozen=True)
class Satisfaction:
    count: int
    mean: float | None
    distribution: dict[int, int]  # rating 1..5 -> how many


@dataclass(frozen=True)
class Figures:
    period: Period
    offices: int  # how many offices the figures add up
    received: int
    answered: int
    resolved: int
    first_response: Spread
    resolution: Spread
    sla_first_response: SlaMet
    sla_resolution: SlaMet
    overdue_now: int
    waiting_guidance_now: int
    escalated: int
    forwarded: int
    satisfaction: Satisfaction
    breakdowns: dict[str, list[Row]] = field(default_factory=dict)


def in_period(name: str, period: Period) -> Q:
    return Q(**{f"{name}__gte": period.start, f"{name}__lt": period.end})


def region_tickets(office_ids: list[int]) -> QuerySet[Ticket]:
    return Ticket.objects.filter(office_id__in=office_ids)


def answered_in(period: Period) -> Q:
    return in_period("first_response_at", period)


def resolved_in(period: Period) -> Q:
    return in_period("resolved_at", period) & Q(merged_into__isnull=True)


def pauses_by_ticket(ticket_ids: list[int]) -> dict[int, list]:
    """Each ticket's pauses (waiting on the requester or for guidance) from its audit trail."""
    events: dict[int, list[AuditEvent]] = defaultdict(list)
    paused = Q()
    for key in PAUSE_KEYS:
        paused |= Q(changes__has_key=key)
    for i in range(0, len(ticket_ids), 500):
        chunk = ticket_ids[i : i + 500]
        for event in (
            AuditEvent.objects.filter(paused, ticket_id__in=chunk)
            .only("ticket_id", "changes", "created_at")
            .order_by("ticket_id", "created_at", "id")
        ):
            events[event.ticket_id].append(event)
    return {pk: ticket_pauses(None, found) for pk, found in events.items()}


class Calendars:
    """The working calendar of each office a report meets, read once per report."""

    def __init__(self) -> None:
        self._offices: dict[int, Office] = {}

    def of(self, office_id: int):
        office = self._offices.get(office_id)
        if office is None:
            office = self._offices[office_id] = Office.objects.get(pk=office_id)
        return office_calendar(office)


def waits(rows: list[tuple[int, int, datetime, datetime]]) -> dict[int, float]:
    """Working minutes from received to ``stop`` of each (id, office id, received, stop) row."""
    pauses = pauses_by_ticket([pk for pk, *_rest in rows])
    calendars = Calendars()
    return {
        pk: timing.working_wait(calendars.of(office_id), received, stop, pauses.get(pk, ()))
        for pk, office_id, received, stop in rows
    }


def _spread(tickets: QuerySet[Ticket], when: Q, stop: str) -> Spread:
    rows = list(tickets.filter(when).values_list("pk", "office_id", "received_at", stop))
    return Spread.of(list(waits(rows).values()))


def _sla(received: QuerySet[Ticket], due: str, done: str, now: datetime) -> SlaMet:
    """Met: done on or before the stored due time. Missed: done after it, or not done and the
    due time passed while the clock ran (a ticket waiting now is not counted as missed)."""
    with_due = received.filter(**{f"{due}__isnull": False})
    running = Q(pending_guidance__isnull=True) & ~Q(status=Status.WAITING)
    counts = with_due.aggregate(
        met=Count("pk", filter=Q(**{f"{done}__isnull": False, f"{done}__lte": F(due)})),
        late=Count("pk", filter=Q(**{f"{done}__gt": F(due)})),
        overdue=Count("pk", filter=Q(**{f"{done}__isnull": True, f"{due}__lt": now}) & running),
    )
    return SlaMet(met=counts["met"], decided=counts["met"] + counts["late"] + counts["overdue"])


def satisfaction(tickets: QuerySet[Ticket], period: Period) -> Satisfaction:
    rated = tickets.filter(in_period("rated_at", period), rating__isnull=False)
    spread = dict(rated.values_list("rating").annotate(n=Count("pk")).order_by())
    stats = rated.aggregate(count=Count("pk"), mean=Avg("rating"))
    mean = round(float(stats["mean"]), 2) if stats["mean"] is not None else None
    return Satisfaction(
        count=stats["count"],
        mean=mean,
        distribution={stars: spread.get(stars, 0) for stars in range(1, 6)},
    )


def figures(period: Period, *, breakdowns: tuple[str, ...] = tuple(DIMENSIONS)) -> Figures:
    """Compute the office's figures over the period, rolled up over the offices below it."""
    now = clock.now()
    ids = region_office_ids(period.office)
    tickets = region_tickets(ids)
    received = tickets.filter(in_period("received_at", period))
    counts = tickets.aggregate(
        received=Count("pk", filter=in_period("received_at", period)),
        answered=Count("pk", filter=answered_in(period)),
        resolved=Count("pk", filter=resolved_in(period)),
    )
    handled_now = Ticket.objects.filter(handling_office_id__in=ids, status__in=OPEN_STATUSES)
    hops = (
        TicketHop.objects.filter(from_office_id__in=ids)
        .filter(in_period("created_at", period))
        .values_list("kind")
        .annotate(n=Count("pk"))
        .order_by()
    )
    hop_counts = dict(hops)
    return Figures(
        period=period,
        offices=len(ids),
        received=counts["received"],
        answered=counts["answered"],
        resolved=counts["resolved"],
        first_response=_spread(tickets, answered_in(period), "first_response_at"),
        resolution=_spread(tickets, resolved_in(period), "resolved_at"),
        sla_first_response=_sla(received, "first_response_due", "first_response_at", now),
        sla_resolution=_sla(
            received.filter(merged_into__isnull=True), "resolution_due", "resolved_at", now
        ),
        overdue_now=handled_now.filter(
            sla_due__lt=now,
            pending_guidance__isnull=True,
            status__in=[Status.NEW, Status.IN_PROGRESS],
        ).count(),
        waiting_guidance_now=handled_now.filter(pending_guidance__isnull=False).count(),
        escalated=hop_counts.get(TicketHop.Kind.ESCALATE, 0),
        forwarded=hop_counts.get(TicketHop.Kind.FORWARD, 0),
        satisfaction=satisfaction(tickets, period),
        breakdowns={name: breakdown(tickets, period, name) for name in breakdowns},
    )
