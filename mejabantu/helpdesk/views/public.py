"""What a requester without an account sees through the private link, and files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from mejabantu.helpdesk import selectors, services
from mejabantu.helpdesk.forms import (
    ReplyForm,
)
from mejabantu.helpdesk.models import Ticket
from mejabantu.helpdesk.services.tokens import ticket_by_public_token
from mejabantu.helpdesk.views.common import _errors
from mejabantu.helpdesk.views.ticket import _detail_context, _rate


@login_required
def attachment(request: HttpRequest, pk: int) -> FileResponse:
    item = selectors.attachment_get(user=request.user, pk=pk)
    return _file_response(item)


def _file_response(item) -> FileResponse:
    response = FileResponse(
        item.file.open("rb"),
        as_attachment=True,
        filename=item.original_name,
        content_type=item.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def _public_ticket(token: str) -> Ticket:
    ticket = ticket_by_public_token(token)
    if ticket is None:
        raise Http404
    return ticket


def public_thread(request: HttpRequest, token: str) -> HttpResponse:
    """The requester's private page: the thread, a reply box, and the rating."""
    ticket = _public_ticket(token)
    reply_form = rate_form = None
    if request.method == "POST":
        if "rating" in request.POST:
            rate_form = _rate(request, ticket, public=True)
            if rate_form is None:
                return redirect(request.path)
        else:
            reply_form = ReplyForm(request.POST, request.FILES)
            if reply_form.is_valid():
                try:
                    services.message_add(
                        ticket=ticket,
                        actor=None,
                        body=reply_form.cleaned_data["body"],
                        uploads=reply_form.cleaned_data["attachments"],
                        via_public_link=True,
                    )
                except ValidationError as exc:
                    for error in _errors(exc):
                        reply_form.add_error(None, error)
                else:
                    messages.success(request, _("Sent."))
                    return redirect(request.path)
        ticket.refresh_from_db()
    context = _detail_context(
        request, ticket, public=True, reply_form=reply_form, rate_form=rate_form
    )
    context["token"] = token
    status = 400 if request.method == "POST" else 200
    return render(request, "helpdesk/detail.html", context, status=status)


def public_attachment(request: HttpRequest, token: str, pk: int) -> FileResponse:
    ticket = _public_ticket(token)
    return _file_response(selectors.attachment_get(user=None, pk=pk, public_ticket=ticket))
