"""Reads for desks at a glance: how the desks below a province or KPU RI stand now."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.http import Http404

from mejabantu.accounts import access
from mejabantu.helpdesk.models import Ticket
from mejabantu.offices.models import Office


@dataclass(frozen=True)
class DeskRow:
    """One desk's open work as an office above sees it (a province: rolled up with its own
    kabupaten/kota when KPU RI looks)."""

    office: Office
    open: int = 0
    overdue: int = 0
    waiting_guidance: int = 0
    own: bool = False  # the desk of the office whose page this is


def desks_overseen(*, user, office: Office, now) -> list[DeskRow]:
    """The office's own desk and each desk of the tier below, with open, overdue (next due
    time passed, clock not paused) and waiting-for-guidance tickets: a province's kabupaten/
    kota, or KPU RI's provinces, each with its kabupaten/kota rolled up. A ticket counts for
    the desk handling it now (escalated to the province: the province's). One grouped query
    counts them all, by handling office, from an index of the open tickets; 404 unless the
    user may oversee the office (accounts.access)."""
    if office.level not in (Office.Level.RI, Office.Level.PROVINCE):
        raise Http404
    if not access.may_oversee(user, office):
        raise Http404
    below = list(Office.objects.filter(parent=office).order_by("code"))
    # the desk each handling office counts for: itself, or (for KPU RI) its province
    unit = {office.pk: office.pk, **{desk.pk: desk.pk for desk in below}}
    tickets = Ticket.objects.filter(queue_rank__isnull=False)  # open tickets only
    if office.level == Office.Level.PROVINCE:
        tickets = tickets.filter(handling_office_id__in=list(unit))
    else:  # KPU RI: a kabupaten/kota counts for its province
        lower = Office.objects.filter(parent__in=below).values_list("pk", "parent_id")
        unit.update(dict(lower))
    counts: dict[int, dict[str, int]] = {}
    # grouped by the handling office alone: read from the index of open tickets' desks
    # (ticket_open_desk) without a join, and rolled up here
    for row in (
        tickets.values("handling_office_id")
        .order_by()
        .annotate(
            open=Count("id"),
            overdue=Count("id", filter=Q(sla_due__lt=now) & ~Q(sla_state="paused")),
            waiting_guidance=Count("id", filter=Q(pending_guidance__isnull=False)),
        )
    ):
        desk = unit.get(row.pop("handling_office_id"))
        if desk is not None:
            total = counts.setdefault(desk, dict.fromkeys(row, 0))
            for key, value in row.items():
                total[key] += value
    rows = []
    for desk in [office, *below]:
        found = counts.get(desk.pk, {})
        rows.append(
            DeskRow(
                office=desk,
                open=found.get("open", 0),
                overdue=found.get("overdue", 0),
                waiting_guidance=found.get("waiting_guidance", 0),
                own=desk.pk == office.pk,
            )
        )
    return rows
