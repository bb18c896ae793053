"""Handing a ticket on from its page: escalate or forward it, return it with guidance, and
the office search of the form. htmx posts get a redirect header or the form with its errors;
the same forms work as plain posts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mejabantu.accounts import access
from mejabantu.helpdesk import selectors, services
from mejabantu.helpdesk.forms import HandOnForm, ReturnForm
from mejabantu.helpdesk.models import Ticket
from mejabantu.helpdesk.views.common import _errors
from mejabantu.helpdesk.views.ticket import _detail_context


def _handled(request: HttpRequest, reference: str) -> Ticket:
    ticket = selectors.ticket_get(user=request.user, reference=reference)
    if not access.handles_ticket(request.user, ticket):
        raise Http404
    return ticket


def _done(request: HttpRequest, ticket: Ticket) -> HttpResponse:
    """To the ticket's page if the officer still sees it, else to their queue."""
    still = selectors.tickets_visible_to(request.user, related=()).filter(pk=ticket.pk).exists()
    url = ticket.get_absolute_url() if still else "/tiket/"
    if request.htmx:
        return HttpResponse(status=204, headers={"HX-Redirect": url})
    return redirect(url)


def _failed(request: HttpRequest, ticket: Ticket, **forms) -> HttpResponse:
    context = _detail_context(request, ticket, **forms)
    template = "helpdesk/detail.html#hand-on" if request.htmx else "helpdesk/detail.html"
    return render(request, template, context, status=400)


@login_required
@require_POST
def hand_on(request: HttpRequest, reference: str) -> HttpResponse:
    """Escalate the ticket (to an office above) or forward it (to any other office)."""
    ticket = _handled(request, reference)
    form = HandOnForm(request.POST)
    if form.is_valid():
        to_office = selectors.office_by_code(form.cleaned_data["to"])
        if to_office is None:
            form.add_error(
                "to",
                _("No office has the code “%(code)s”. Search by name and pick one from the list.")
                % {"code": form.cleaned_data["to"]},
            )
        else:
            try:
                services.ticket_hand_on(
                    ticket=ticket,
                    to_office=to_office,
                    reason=form.cleaned_data["reason"],
                    actor=request.user,
                )
            except ValidationError as exc:
                for error in _errors(exc):
                    form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("%(ref)s is handled by %(office)s now.")
                    % {"ref": ticket.reference, "office": to_office},
                )
                return _done(request, ticket)
    return _failed(request, ticket, hand_on_form=form)


@login_required
@require_POST
def hand_back(request: HttpRequest, reference: str) -> HttpResponse:
    """Return the ticket to the office where it was asked, with guidance."""
    ticket = _handled(request, reference)
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            services.ticket_return(
                ticket=ticket, guidance=form.cleaned_data["guidance"], actor=request.user
            )
        except ValidationError as exc:
            for error in _errors(exc):
                form.add_error(None, error)
        else:
            messages.success(
                request,
                _("%(ref)s was returned to %(office)s.")
                % {"ref": ticket.reference, "office": ticket.office},
            )
            return _done(request, ticket)
    return _failed(request, ticket, return_form=form)


@login_required
def office_search(request: HttpRequest, reference: str) -> HttpResponse:
    """The offices the form offers for ``q`` (htmx fills the list of the office field)."""
    ticket = _handled(request, reference)
    offices = selectors.hand_on_targets(ticket=ticket, q=request.GET.get("to", "")[:100])
    return render(request, "helpdesk/_office_options.html", {"offices": offices})
