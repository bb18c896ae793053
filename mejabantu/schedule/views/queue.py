from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mejabantu.accounts.access import is_office_staff
from mejabantu.offices.selectors import office_get
from mejabantu.schedule import selectors, services
from mejabantu.schedule.forms import QueueIssueForm, QueueServeForm
from mejabantu.schedule.models import QueueNumber, QueueService
from mejabantu.schedule.views.common import errors_of, today_in, user_office


def _staff_office(request: HttpRequest):
    office = user_office(request)
    if not is_office_staff(request.user, office):
        raise Http404
    return office


@login_required
def queue_console(request: HttpRequest, issue_form=None, status: int = 200) -> HttpResponse:
    """The officer's desk: issue numbers, call the next, record the visit as a ticket."""
    office = _staff_office(request)
    board = selectors.queue_today(office, today_in(office))
    return render(
        request,
        "schedule/queue.html",
        {
            "office": office,
            "board": board,
            "services": QueueService.choices,
            "issue_form": issue_form or QueueIssueForm(office=office),
            "serve_form": QueueServeForm(),
        },
        status=status,
    )


@login_required
@require_POST
def queue_issue(request: HttpRequest) -> HttpResponse:
    office = _staff_office(request)
    form = QueueIssueForm(request.POST, office=office)
    if form.is_valid():
        try:
            number = services.queue_issue(actor=request.user, office=office, **form.cleaned_data)
        except ValidationError as exc:
            for error in errors_of(exc):
                form.add_error(None, error)
        else:
            messages.success(request, _("Number %(label)s issued.") % {"label": number.label})
            return redirect("schedule:queue")
    return queue_console(request, issue_form=form, status=400)


@login_required
@require_POST
def queue_call(request: HttpRequest) -> HttpResponse:
    office = _staff_office(request)
    try:
        number = services.queue_call_next(
            actor=request.user, office=office, service=request.POST.get("service", "")
        )
    except ValidationError as exc:
        for error in errors_of(exc):
            messages.warning(request, error)
    else:
        messages.success(request, _("Calling %(label)s.") % {"label": number.label})
    return redirect("schedule:queue")


@login_required
@require_POST
def queue_serve(request: HttpRequest, pk: int) -> HttpResponse:
    office = _staff_office(request)
    number = get_object_or_404(QueueNumber, pk=pk, office=office)
    if request.POST.get("skip"):
        services.queue_skip(actor=request.user, number=number)
        return redirect("schedule:queue")
    form = QueueServeForm(request.POST)
    if not form.is_valid():
        messages.warning(request, _("Write the subject and what was asked and answered."))
        return redirect("schedule:queue")
    try:
        number = services.queue_serve(actor=request.user, number=number, **form.cleaned_data)
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as exc:
        for error in errors_of(exc):
            messages.warning(request, error)
        return redirect("schedule:queue")
    messages.success(
        request, _("Recorded as ticket %(reference)s.") % {"reference": number.ticket.reference}
    )
    return redirect("schedule:queue")


def queue_display(request: HttpRequest, code: str) -> HttpResponse:
    """The public screen in the waiting room; htmx refreshes the board every few seconds."""
    office = office_get(code=code)
    board = selectors.queue_today(office, today_in(office))
    context = {"office": office, "board": board}
    if request.htmx:
        return render(request, "schedule/display.html#board", context)
    return render(request, "schedule/display.html", context)
