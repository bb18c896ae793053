from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mejabantu.accounts import access
from mejabantu.offices.models import Office
from mejabantu.offices.selectors import office_get
from mejabantu.schedule import selectors, services
from mejabantu.schedule.forms import StageDatesForm
from mejabantu.schedule.views.common import now_in, today_in


def _may_edit(request: HttpRequest, office) -> bool:
    user = request.user
    return office is not None and access.is_office_coordinator(user, office)


def timeline(
    request: HttpRequest, code: str | None = None, bad: tuple | None = None, status: int = 200
) -> HttpResponse:
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
        "can_edit": _may_edit(request, office),
    }
    if context["can_edit"]:
        context["forms"] = {
            r.stage.code: (
                bad[1]
                if bad and bad[0] == r.stage.code
                else StageDatesForm(
                    initial={
                        "starts_on": r.stage.starts_on,
                        "ends_on": r.stage.ends_on,
                        "confirmed": r.stage.confirmed,
                        "note": r.stage.note,
                    },
                    prefix=r.stage.code,
                )
            )
            for r in rows
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
    return render(request, "schedule/timeline.html", context, status=status)


@login_required
@require_POST
def stage_edit(request: HttpRequest, code: str, stage: str) -> HttpResponse:
    """A coordinator sets the office's own dates for a stage (e.g. a regional extension)."""
    office = office_get(code=code)
    if not _may_edit(request, office):
        raise Http404
    form = StageDatesForm(request.POST, prefix=stage)
    if form.is_valid():
        try:
            services.stage_set_dates(
                actor=request.user, office=office, code=stage, **form.cleaned_data
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as exc:
            for error in exc.messages:
                form.add_error(None, error)
        else:
            messages.success(request, _("The stage's dates for this office are saved."))
            url = reverse("schedule:office_timeline", kwargs={"code": office.code})
            return redirect(f"{url}#stage-{stage}")
    return timeline(request, code, bad=(stage, form), status=400)
