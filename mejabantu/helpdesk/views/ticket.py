"""A ticket's page (cached) and what officers and requesters do on it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mejabantu.accounts import access
from mejabantu.core.page_cache import cached_page
from mejabantu.core.redirects import safe_next
from mejabantu.helpdesk import selectors, services
from mejabantu.helpdesk.forms import (
    HandOnForm,
    MergeForm,
    RateForm,
    ReplyForm,
    ReturnForm,
    UpdateForm,
)
from mejabantu.helpdesk.models import Status, Ticket
from mejabantu.helpdesk.services.sla import clock_inputs
from mejabantu.helpdesk.views.common import _errors
from mejabantu.offices.hours import explanation_text


def _detail_context(request, ticket: Ticket, *, public: bool = False, **forms) -> dict:
    """What the ticket page shows the user: officers who see its internals get its history;
    those who handle it (the handling office's) its forms; the asking office's, once it is
    handled elsewhere, a box for internal notes (accounts.access)."""
    user = request.user
    staff = not public and access.sees_ticket_internals(user, ticket)
    handles = staff and access.handles_ticket(user, ticket)
    thread, ticket_files = selectors.thread_of(user=user, ticket=ticket, public=public)
    can_rate = ticket.status in (Status.RESOLVED, Status.CLOSED) and ticket.rating is None
    context = {
        "ticket": ticket,
        "office": ticket.office,
        "staff": staff,
        "handles": handles,
        "may_note": staff and access.may_note_ticket(user, ticket),
        "may_reply": not staff or handles,
        "public": public,
        "thread": thread,
        "ticket_files": ticket_files,
        "reply_form": forms.get("reply_form") or ReplyForm(),
        "rate_form": forms.get("rate_form") or (RateForm() if can_rate and not staff else None),
        "can_rate": can_rate,
        "conflict": forms.get("conflict"),
    }
    if staff:
        events = selectors.ticket_events(ticket=ticket)
        context["history"] = selectors.history_lines(events, ticket.office)
    if handles:
        lookups = selectors.office_lookups(ticket.handling_office)
        context.update(
            {
                "hand_on_form": forms.get("hand_on_form") or HandOnForm(),
                "hand_on_targets": selectors.hand_on_targets(ticket=ticket),
                "return_form": forms.get("return_form") or ReturnForm(),
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
    if not access.sees_ticket_internals(request.user, ticket):
        raise Http404
    inputs = clock_inputs(ticket, selectors.ticket_events(ticket=ticket))
    context = {"ticket": ticket, **_clocks_context(inputs)}
    return render(request, "helpdesk/_ticket_clocks.html", context)


@login_required
def detail(request: HttpRequest, reference: str) -> HttpResponse:
    """A ticket's thread; for officers also its forms, history and clocks (loaded apart).

    Cached per viewer until the ticket or its office's setup changes."""
    versions = selectors.ticket_page_versions(user=request.user, reference=reference)

    def page() -> HttpResponse:
        ticket = selectors.ticket_get(user=request.user, reference=reference)
        return render(request, "helpdesk/detail.html", _detail_context(request, ticket))

    return cached_page(request, versions, page)


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
    if not access.handles_ticket(request.user, ticket):
        raise Http404
    lookups = selectors.office_lookups(ticket.handling_office)
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
    if not access.handles_ticket(request.user, ticket):
        raise Http404
    try:
        services.ticket_take(ticket=ticket, actor=request.user)
    except services.ConflictError as exc:
        messages.error(request, exc.message)
    except ValidationError as exc:
        messages.error(request, " ".join(_errors(exc)))
    else:
        messages.success(request, _("You took %(ref)s.") % {"ref": ticket.reference})
    return redirect(safe_next(request) or ticket.get_absolute_url())


@login_required
@require_POST
def merge(request: HttpRequest, reference: str) -> HttpResponse:
    ticket = selectors.ticket_get(user=request.user, reference=reference)
    if not access.handles_ticket(request.user, ticket):
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
    if not access.speaks_for(request.user, ticket.organisation_id):
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
