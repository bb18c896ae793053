"""The office's helpdesk settings (coordinators)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from mejabantu.accounts.models import User
from mejabantu.helpdesk import selectors, services
from mejabantu.helpdesk.forms import (
    CannedAnswerForm,
)
from mejabantu.helpdesk.views.common import _staff_office


@login_required
def office_settings(request: HttpRequest) -> HttpResponse:
    """Coordinator: automatic assignment and canned answers."""
    office = _staff_office(request)
    user: User = request.user
    canned_form = CannedAnswerForm(request.POST if "title" in request.POST else None)
    if request.method == "POST":
        try:
            if "auto_assign" in request.POST:
                services.office_set_auto_assign(
                    office=office, actor=user, enabled=request.POST["auto_assign"] == "1"
                )
                messages.success(request, _("Assignment setting saved."))
                return redirect("helpdesk:settings")
            if canned_form.is_valid():
                services.canned_answer_create(office=office, actor=user, **canned_form.cleaned_data)
                messages.success(request, _("Canned answer added."))
                return redirect("helpdesk:settings")
        except PermissionDenied:
            raise Http404 from None
    return render(
        request,
        "helpdesk/settings.html",
        {
            "office": office,
            "canned_form": canned_form,
            "canned_answers": selectors.canned_answers_for(office),
            "officers": selectors.officers_of(office),
        },
    )
