"""Asking: a party's question, the public's question, a contact an officer logs."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from mejabantu.core import limits
from mejabantu.helpdesk import selectors, services
from mejabantu.helpdesk.forms import (
    AskForm,
    LogContactForm,
    PublicAskForm,
)
from mejabantu.helpdesk.services.tokens import public_token_for
from mejabantu.helpdesk.views.common import _errors, _staff_office
from mejabantu.offices.models import Office
from mejabantu.offices.selectors import office_get


def _opening(office: Office) -> dict:
    """The desk's opening status for the question forms."""
    from mejabantu.offices import clock
    from mejabantu.offices.hours import opening_status
    from mejabantu.offices.views import status_text

    status = opening_status(office, clock.now())
    return {"opening": status, "opening_text": status_text(status)}


def _closed_notice(request, office: Office) -> None:
    """Tell a requester who asks while the desk is closed when the question will be read."""
    opening = _opening(office)
    status = opening["opening"]
    if not status.open and status.opens_at is not None:
        from django.utils.formats import date_format

        messages.info(
            request,
            _(
                "The desk is closed now. Your question is saved and will be read from "
                "%(when)s %(tz)s."
            )
            % {"when": date_format(status.opens_at, "l, j F Y H.i"), "tz": status.tz_label},
        )


def _create_from_form(request, form, office, actor, **extra):
    """(ticket, created), or (None, False) with the errors on the form."""
    data = form.cleaned_data
    try:
        ticket, created = services.ticket_create(
            actor=actor,
            office=office,
            subject=data["subject"],
            body=data["body"],
            category=data["category"],
            idempotency_key=data["idempotency_key"],
            uploads=data.get("attachments") or [],
            **extra,
        )
    except ValidationError as exc:
        for error in _errors(exc):
            form.add_error(None, error)
        return None, False
    return ticket, created


@login_required
def ask(request: HttpRequest) -> HttpResponse:
    """A party operator asks its office a question."""
    user = request.user
    if not user.is_operator:
        raise Http404
    office = user.organisation.office
    categories = selectors.office_lookups(office).categories
    form = AskForm(request.POST or None, request.FILES or None, categories=categories)
    if request.method == "POST" and form.is_valid():
        ticket, _created = _create_from_form(request, form, office, user)
        if ticket is not None:
            messages.success(
                request, _("Your question was sent as %(ref)s.") % {"ref": ticket.reference}
            )
            _closed_notice(request, office)
            return redirect(ticket)
    context = {"form": form, "office": office, **_opening(office)}
    return render(request, "helpdesk/ask.html", context)


def public_ask(request: HttpRequest, code: str) -> HttpResponse:
    """Anyone asks with a name and an e-mail, and follows the ticket by a secret link."""
    office = office_get(code=code)
    categories = selectors.office_lookups(office).categories
    form = PublicAskForm(request.POST or None, request.FILES or None, categories=categories)
    if request.method == "POST" and form.is_valid() and not _too_many(request, form):
        data = form.cleaned_data
        ticket, created = _create_from_form(
            request,
            form,
            office,
            None,
            requester_name=data["requester_name"],
            requester_email=data["requester_email"],
            requester_phone=data["requester_phone"],
        )
        if ticket is not None and not created:
            # the form was sent again (a double click, or someone replaying it): the secret
            # link is never shown twice; the one who asked has it by e-mail
            messages.info(
                request,
                _(
                    "This question was already received as %(ref)s. Its private link was "
                    "e-mailed to the address given with it."
                )
                % {"ref": ticket.reference},
            )
            return redirect("helpdesk:public_ask", code=office.code)
        if ticket is not None:
            messages.success(
                request,
                _(
                    "Your question was sent as %(ref)s. Keep this page's address: it is your "
                    "private link to the answer (we also e-mailed it)."
                )
                % {"ref": ticket.reference},
            )
            _closed_notice(request, office)
            return redirect(
                "helpdesk:public_thread", token=public_token_for(ticket.idempotency_key)
            )
    return render(
        request, "helpdesk/public_ask.html", {"form": form, "office": office, **_opening(office)}
    )


def _too_many(request: HttpRequest, form: PublicAskForm) -> bool:
    """Whether this address or e-mail sent too many questions lately (the form says so and
    keeps what was typed): the public form must not become a way to mail anyone."""
    email = form.cleaned_data["requester_email"]
    by_address = limits.over(request, "public-ask", settings.PUBLIC_ASK_RATE)
    by_email = limits.over(request, "public-ask-email", settings.PUBLIC_ASK_EMAIL_RATE, key=email)
    if by_address or by_email:
        form.add_error(
            None,
            _(
                "You have sent many questions in a short time. Wait an hour and send this one "
                "again (what you wrote is kept below), or call or visit the office."
            ),
        )
        return True
    return False


@login_required
def log_contact(request: HttpRequest) -> HttpResponse:
    """An officer logs a walk-in, phone, e-mail or WhatsApp question with its real time."""
    office = _staff_office(request)
    organisations = selectors.organisations_of(office)
    form = LogContactForm(
        request.POST or None,
        request.FILES or None,
        office=office,
        categories=selectors.office_lookups(office).categories,
        organisations=organisations,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        org = next((o for o in organisations if o.code == data["organisation"]), None)
        ticket, _created = _create_from_form(
            request,
            form,
            office,
            request.user,
            channel=data["channel"],
            organisation=org,
            requester_name=data["requester_name"],
            requester_email=data["requester_email"],
            requester_phone=data["requester_phone"],
            received_at=data["received_at"],
            priority=data["priority"],
        )
        if ticket is not None:
            messages.success(request, _("Logged as %(ref)s.") % {"ref": ticket.reference})
            return redirect(ticket)
    return render(request, "helpdesk/log_contact.html", {"form": form, "office": office})
