from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from mejabantu.offices.models import Office
from mejabantu.offices.selectors import office_get
from mejabantu.schedule import selectors
from mejabantu.schedule.views.common import now_in, today_in


def timeline(request: HttpRequest, code: str | None = None) -> HttpResponse:
    """The public timeline of stages with today marked; for an office, its own dates and events."""
    office = office_get(code=code) if code else None
    today = today_in(office)
    rows = selectors.timeline(selectors.stages_for(office), today)
    context = {
        "office": office,
        "offices": Office.objects.exclude(level=Office.Level.RI) if office is None else [],
        "rows": rows,
        "open_rows": [r for r in rows if r.state == "open"],
        "today": today,
        "marker_at": next((i for i, r in enumerate(rows) if r.state != "past"), len(rows)),
    }
    if office is not None:
        now = now_in(office)
        context["events"] = list(
            selectors.events_visible_to(request.user, office).filter(ends_at__gte=now)[:10]
        )
        try:
            from mejabantu.offices.hours import opening_status

            context["opening"] = opening_status(office, now)
        except ImportError:  # pragma: no cover - offices without working hours
            context["opening"] = None
    return render(request, "schedule/timeline.html", context)
