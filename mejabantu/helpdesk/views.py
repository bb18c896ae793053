"""Helpdesk pages: queues and the ticket workspace for officers, the thread for requesters."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mejabantu.accounts.access import is_office_staff
from mejabantu.accounts.models import User
from mejabantu.core.page_cache import cached_page
from mejabantu.helpdesk import selectors, services
from mejabantu.helpdesk.forms import (
    AskForm,
    CannedAnswerForm,
    LogContactForm,
    MergeForm,
    PublicAskForm,
    RateForm,
    ReplyForm,
    UpdateForm,
)
from mejabantu.helpdesk.models import Channel, Status, Ticket
from mejabantu.helpdesk.services.sla import clock_inputs
from mejabantu.helpdesk.services.tokens import public_token_for, ticket_by_public_token
from mejabantu.offices.hours import explanation_text
from mejabantu.offices.models import Office
from mejabantu.offices.selectors import office_get

PAGE_SIZE = 50
COUNT_CAP = 1000


class CappedPaginator(Paginator):
    """Count at most COUNT_CAP rows: long lists show "1000+" instead of scanning everything."""

    @cached_property
    def count(self) -> int:
        return self.object_list[: COUNT_CAP + 1].count()


def _admin_office_code(request: HttpRequest) -> str:
    """The office an admin without an office of their own is looking at (``?office=``)."""
    return request.GET.get("office") or settings.MEJABANTU_DEFAULT_OFFICE


def _staff_office(request: HttpRequest) -> Office:
    user = request.user
    if not user.is_authenticated or not user.is_staff_member:
        raise Http404
    if user.office_id:
        return user.office
    return office_get(code=_admin_office_code(request))


def _safe_next(request: HttpRequest) -> str:
    """The form's "next" address if it stays on this site (never an open redirect)."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def _errors(exc: ValidationError) -> list[str]:
    return list(exc.messages)


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    """The officer's queues with filters; htmx swaps only the table.

    Cached per viewer and address until one of the office's tickets or its setup changes.
    """
    office = _staff_office(request)
    versions = (office.pk, office.tickets_version, office.setup_version)
    return cached_page(request, versions, lambda: _queue_page(request, office))


def _queue_page(request: HttpRequest, office: Office) -> HttpResponse:
    get = request.GET
    filters = selectors.QueueFilters(
        queue=get.get("queue", "open") if get.get("queue") in selectors.QUEUES else "open",
        status=get.get("status", ""),
        category=get.get("category", ""),
        channel=get.get("channel", ""),
        organisation=get.get("organisation", ""),
        assignee=get.get("assignee", ""),
        q=get.get("q", "")[:100],
    )
    qs = selectors.ticket_queue(user=request.user, office=office, filters=filters)
    context = {
        "office": office,
        "filters": filters,
        "tickets": CappedPaginator(qs, PAGE_SIZE).get_page(get.get("page")),
        "queues": [
            ("mine", _("Mine")),
            ("unassigned", _("Unassigned")),
            ("open", _("All open")),
            ("waiting", _("Waiting on requester")),
            ("all", _("All")),
        ],
        "statuses": Status.choices,
        "channels": Channel.choices,
        "lookups": selectors.office_lookups(office),
    }
    template = "helpdesk/_queue_table.html" if request.htmx else "helpdesk/queue.html"
    return render(request, template, context)


@login_required
def my_tickets(request: HttpRequest) -> HttpResponse:
    """A party operator's tickets (its organisation's); cached like the queues."""
    if not request.user.is_operator:
        return redirect("helpdesk:queue") if request.user.is_staff_member else redirect("home")
    office = request.user.organisation.office
    versions = (office.pk, office.tickets_version, office.setup_version)
    return cached_page(request, versions, lambda: _my_tickets_page(request))


def _my_tickets_page(request: HttpRequest) -> HttpResponse:
    tickets = CappedPaginator(
        selectors.tickets_visible_to(request.user).filter(merged_into__isnull=True).defer("body"),
        PAGE_SIZE,
    ).get_page(request.GET.get("page"))
    return render(request, "helpdesk/my_tickets.html", {"tickets": tickets})


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
    data = form.cleaned_data
    try:
        ticket, _created = services.ticket_create(
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
        return None
    return ticket


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
        ticket = _create_from_form(request, form, office, user)
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
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        ticket = _create_from_form(
            request,
            form,
            office,
            None,
            requester_name=data["requester_name"],
            requester_email=data["requester_email"],
            requester_phone=data["requester_phone"],
        )
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
        ticket = _create_from_form(
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


def _detail_context(request, ticket: Ticket, *, public: bool = False, **forms) -> dict:
    user = request.user
    staff = not public and is_office_staff(user, ticket.office)
    thread, ticket_files = selectors.thread_of(user=user, ticket=ticket, public=public)
    can_rate = ticket.status in (Status.RESOLVED, Status.CLOSED) and ticket.rating is None
    context = {
        "ticket": ticket,
        "office": ticket.office,
        "staff": staff,
        "public": public,
        "thread": thread,
        "ticket_files": ticket_files,
        "reply_form": forms.get("reply_form") or ReplyForm(),
        "rate_form": forms.get("rate_form") or (RateForm() if can_rate and not staff else None),
        "can_rate": can_rate,
        "conflict": forms.get("conflict"),
    }
    if staff:
        lookups = selectors.office_lookups(ticket.office)
        events = selectors.ticket_events(ticket=ticket)
        context.update(
            {
                "history": selectors.history_lines(events, ticket.office),
                "update_form": forms.get("update_form")
                or UpdateForm(
                    categories=lookups.categories,
                    officers=lookups.officers,
                    guidance=lookups.guidance,
                    initial={
                        "pending_guidance": ticket.pending_guidance_id or "",
                        "version": ticket.version,
                        "status": ticket.status,
                        "priority": ticket.priority,
                        "category": ticket.category.code,
                        "assignee": ticket.assignee.username if ticket.assignee else "",
                    },
                ),
                "merge_form": forms.get("merge_form") or MergeForm(),
                "canned_answers": lookups.canned_answers,
                "kb_query": f"{ticket.subject} {ticket.body[:300]}",
            }
        )
    return context


def _clocks_context(inputs) -> dict:
    clocks = inputs.clocks()
    context = {"office": inputs.office, "clocks": clocks, "explained": None}
    if clocks is not None:
        first, resolution = clocks.first_response, clocks.resolution
        shown = first if first.state != "met" else resolution
        context["explained"] = explanation_text(shown.explanation, inputs.office)
    return context


@login_required
def clocks(request: HttpRequest, reference: str) -> HttpResponse:
    """A ticket's SLA clocks as of now, for its officers: the part of the (cached) ticket page
    that htmx loads and refreshes every minute."""
    ticket = selectors.ticket_get(user=request.user, reference=reference)
    if not is_office_staff(request.user, ticket.office):
        raise Http404
    inputs = clock_inputs(ticket, selectors.ticket_events(ticket=ticket))
    context = {"ticket": ticket, **_clocks_context(inputs)}
    return render(request, "helpdesk/_ticket_clocks.html", context)


@login_required
def detail(request: HttpRequest, reference: str) -> HttpResponse:
    """A ticket's thread; for officers also its forms, history and clocks (loaded apart).

    Cached per viewer until the ticket or its office's setup changes."""
    ticket = selectors.ticket_get(user=request.user, reference=reference)
    versions = (ticket.pk, ticket.page_version, ticket.office.setup_version)
    return cached_page(
        request,
        versions,
        lambda: render(request, "helpdesk/detail.html", _detail_context(request, ticket)),
    )


@login_required
@require_POST
def reply(request: HttpRequest, reference: str) -> HttpResponse:
    ticket = selectors.ticket_get(user=request.user, reference=reference)
    form = ReplyForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.message_add(
                ticket=ticket,
                actor=request.user,
                body=form.cleaned_data["body"],
                internal=form.cleaned_data["internal"],
                uploads=form.cleaned_data["attachments"],
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as exc:
            for error in _errors(exc):
                form.add_error(None, error)
        else:
            messages.success(request, _("Sent."))
            return redirect(ticket)
    ticket.refresh_from_db()
    return render(
        request,
        "helpdesk/detail.html",
        _detail_context(request, ticket, reply_form=form),
        status=400,
    )


@login_required
@require_POST
def update(request: HttpRequest, reference: str) -> HttpResponse:
    ticket = selectors.ticket_get(user=request.user, reference=reference)
    if not is_office_staff(request.user, ticket.office):
        raise Http404
    lookups = selectors.office_lookups(ticket.office)
    categories, officers, guidance = lookups.categories, lookups.officers, lookups.guidance
    form = UpdateForm(request.POST, categories=categories, officers=officers, guidance=guidance)
    if form.is_valid():
        data = form.cleaned_data
        assignee = next((u for u in officers if u.username == data["assignee"]), None)
        waiting_for = next((g for g in guidance if str(g.pk) == data["pending_guidance"]), None)
        try:
            services.ticket_update(
                ticket=ticket,
                actor=request.user,
                expected_version=data["version"],
                status=data["status"],
                priority=data["priority"],
                category=data["category"],
                assignee=assignee,
                pending_guidance=waiting_for,
            )
        except services.ConflictError as exc:
            ticket.refresh_from_db()
            return render(
                request,
                "helpdesk/detail.html",
                _detail_context(request, ticket, conflict=exc.message),
                status=409,
            )
        except ValidationError as exc:
            for error in _errors(exc):
                form.add_error(None, error)
        else:
            messages.success(request, _("Ticket saved."))
            return redirect(ticket)
    return render(
        request,
        "helpdesk/detail.html",
        _detail_context(request, ticket, update_form=form),
        status=400,
    )


@login_required
@require_POST
def take(request: HttpRequest, reference: str) -> HttpResponse:
    ticket = selectors.ticket_get(user=request.user, reference=reference)
    if not is_office_staff(request.user, ticket.office):
        raise Http404
    try:
        services.ticket_take(ticket=ticket, actor=request.user)
    except services.ConflictError as exc:
        messages.error(request, exc.message)
    except ValidationError as exc:
        messages.error(request, " ".join(_errors(exc)))
    else:
        messages.success(request, _("You took %(ref)s.") % {"ref": ticket.reference})
    return redirect(_safe_next(request) or ticket.get_absolute_url())


@login_required
@require_POST
def merge(request: HttpRequest, reference: str) -> HttpResponse:
    ticket = selectors.ticket_get(user=request.user, reference=reference)
    if not is_office_staff(request.user, ticket.office):
        raise Http404
    form = MergeForm(request.POST)
    if form.is_valid():
        target = (
            selectors.tickets_visible_to(request.user)
            .filter(reference__iexact=form.cleaned_data["target"].strip())
            .first()
        )
        if target is None:
            form.add_error("target", _("No ticket of this office has that reference."))
        else:
            try:
                services.ticket_merge(source=ticket, target=target, actor=request.user)
            except ValidationError as exc:
                for error in _errors(exc):
                    form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("%(src)s was merged into %(dst)s.")
                    % {"src": ticket.reference, "dst": target.reference},
                )
                return redirect(target)
    return render(
        request,
        "helpdesk/detail.html",
        _detail_context(request, ticket, merge_form=form),
        status=400,
    )


def _rate(request, ticket, *, public: bool):
    form = RateForm(request.POST)
    if form.is_valid():
        try:
            services.ticket_rate(
                ticket=ticket,
                rating=form.cleaned_data["rating"],
                comment=form.cleaned_data["comment"],
                actor=None if public else request.user,
            )
        except ValidationError as exc:
            for error in _errors(exc):
                form.add_error(None, error)
        else:
            messages.success(request, _("Thank you for rating the answer."))
            return None
    return form


@login_required
@require_POST
def rate(request: HttpRequest, reference: str) -> HttpResponse:
    ticket = selectors.ticket_get(user=request.user, reference=reference)
    if not (request.user.is_operator and request.user.organisation_id == ticket.organisation_id):
        raise Http404
    form = _rate(request, ticket, public=False)
    if form is None:
        return redirect(ticket)
    return render(
        request,
        "helpdesk/detail.html",
        _detail_context(request, ticket, rate_form=form),
        status=400,
    )


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
