"""Desks at a glance: a province's kabupaten/kota desks, KPU RI's provinces (read-only)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from mejabantu.accounts import access
from mejabantu.helpdesk.desks import desks_overseen
from mejabantu.offices import clock
from mejabantu.offices.selectors import office_get


@login_required
def desks(request: HttpRequest, code: str) -> HttpResponse:
    """Open, overdue and waiting-for-guidance tickets of each desk below the office."""
    office = office_get(code=code)
    rows = desks_overseen(user=request.user, office=office, now=clock.now())
    up = (
        office.parent if office.parent and access.may_oversee(request.user, office.parent) else None
    )
    return render(
        request,
        "helpdesk/desks.html",
        {
            "office": office,
            "own": rows[0],
            "rows": rows[1:],
            "up": up,
            "drills_down": office.level == office.Level.RI,
            "totals": {
                key: sum(getattr(r, key) for r in rows)
                for key in ("open", "overdue", "waiting_guidance")
            },
        },
    )
