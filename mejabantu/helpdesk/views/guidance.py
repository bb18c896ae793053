"""A guidance (juknis) item's page: what offices wait for, similar questions to link, the
answer the issuing office publishes, and how far sending it has got (htmx refresh)."""

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from mejabantu.accounts import access
from mejabantu.candidacy.selectors import rule_set_current
from mejabantu.helpdesk import selectors
from mejabantu.helpdesk.models import Ticket
from mejabantu.helpdesk.services import guidance as services
from mejabantu.helpdesk.similar import similar_for_item, suggestions_for_ticket
from mejabantu.helpdesk.views.common import _errors
from mejabantu.knowledge.forms import category_choices
from mejabantu.knowledge.services.guidance import DEFAULT_CATEGORY, answer_question_of


class GuidanceAnswerForm(forms.Form):
    body = forms.CharField(label=gettext_lazy("Answer"), widget=forms.Textarea(attrs={"rows": 8}))
    citations = forms.CharField(
        label=gettext_lazy("Citations"),
        required=False,
        help_text=gettext_lazy(
            "Article keys or regulation codes, one per line, e.g. uu-10-2016/7/2/e."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    publish_as_answer = forms.BooleanField(
        label=gettext_lazy("Also publish as a knowledge-base answer"),
        required=False,
        help_text=gettext_lazy(
            "The item's title becomes its question; readers find it in the public search."
        ),
    )
    answer_category = forms.ChoiceField(
        label=gettext_lazy("Category of the knowledge-base answer"),
        choices=category_choices,
        initial=DEFAULT_CATEGORY,
        required=False,
    )

    def __init__(self, *args, may_publish_answers: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not may_publish_answers:  # publishing to the knowledge base is a coordinator's
            del self.fields["publish_as_answer"], self.fields["answer_category"]

    def citation_keys(self) -> list[str]:
        raw = self.cleaned_data.get("citations") or ""
        return [k.strip() for k in raw.replace(",", "\n").splitlines() if k.strip()]


def _answer_form(request: HttpRequest, item, data=None) -> GuidanceAnswerForm:
    coordinator = access.is_office_coordinator(request.user, item.office)
    return GuidanceAnswerForm(data, may_publish_answers=coordinator)


def _context(request: HttpRequest, item, form=None) -> dict:
    user = request.user
    issuer = access.may_issue_guidance(user, item.office)
    if form is None and issuer and item.state == "open":
        form = _answer_form(request, item)
    staff = user.is_authenticated and user.is_staff_member
    similar = None
    if staff and item.state == "open":
        similar = similar_for_item(user=user, item=item, text=f"{item.title} {item.description}")
    return {
        "item": item,
        "office": item.office,
        "issuer": issuer,
        "staff": staff,
        "linked": selectors.guidance_linked_count(item),
        "similar": similar,
        "answer_form": form,
        "draft_rule_set": _draft_rule_set_link(user, item),
    }


def _draft_rule_set_link(user, item) -> str | None:
    """Where a rule-set drafter starts a draft for the published juknis: a copy of the rule
    set in force, its code and name prefilled (candidacy's own copy form and service)."""
    if item.state == "open" or not access.may_draft_rule_set(user):
        return None
    current = rule_set_current()
    if current is None:
        return None
    name = _("Juknis %(office)s: %(question)s") % {
        "office": item.office.name,
        "question": answer_question_of(item),
    }
    query = urlencode({"kode": f"juknis-{item.pk}", "nama": name})
    return f"{reverse('candidacy:ruleset_detail', kwargs={'code': current.code})}?{query}#salin"


@require_http_methods(["GET", "POST"])
def guidance_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The item: for everyone what it waits for and, once published, the answer; for staff
    the similar open questions they may link; for the issuing office the answer form."""
    item = selectors.guidance_get(pk=pk)
    if request.method == "GET":
        return render(request, "helpdesk/guidance.html", _context(request, item))
    if not (request.user.is_authenticated and request.user.is_staff_member):
        raise Http404
    if "link" in request.POST:
        ids = [int(v) for v in request.POST.getlist("link") if v.isdigit()][:500]
        tickets = Ticket.objects.filter(access.guidance_linkable(request.user, item), pk__in=ids)
        count, errors = services.guidance_link_many(
            item=item, tickets=tickets.select_related("office"), actor=request.user
        )
        if count:
            messages.success(request, _("%(n)s tickets now wait for this guidance.") % {"n": count})
        for error in errors:
            messages.error(request, error)
        return redirect("helpdesk:guidance", pk=item.pk)
    if not access.may_issue_guidance(request.user, item.office):
        raise Http404
    form = _answer_form(request, item, request.POST)
    if form.is_valid():
        try:
            item, linked = services.guidance_answer_publish(
                item=item,
                actor=request.user,
                body=form.cleaned_data["body"],
                citations=form.citation_keys(),
                publish_as_answer=bool(form.cleaned_data.get("publish_as_answer")),
                answer_category=form.cleaned_data.get("answer_category") or DEFAULT_CATEGORY,
            )
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        except ValidationError as exc:
            for error in _errors(exc):
                form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Published. The answer is being sent to %(n)s linked tickets.") % {"n": linked},
            )
            if form.cleaned_data.get("publish_as_answer") and item.resolved_by:
                messages.success(
                    request,
                    _("It is also in the knowledge base: “%(question)s”.")
                    % {"question": item.resolved_by.question},
                )
            return redirect("helpdesk:guidance", pk=item.pk)
    return render(request, "helpdesk/guidance.html", _context(request, item, form), status=400)


def guidance_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """How far sending the answer has got (the fragment htmx refreshes on the item's page)."""
    item = selectors.guidance_get(pk=pk)
    context = {"item": item, "linked": selectors.guidance_linked_count(item)}
    return render(request, "helpdesk/guidance.html#progress", context)


@login_required
def ticket_similar(request: HttpRequest, reference: str) -> HttpResponse:
    """The ticket page's suggestions (loaded by htmx): similar open questions in every
    office, the guidance they wait for, and this office's similar tickets to link with it."""
    ticket = selectors.ticket_get(user=request.user, reference=reference)
    if not any(access.is_office_staff(request.user, o) for o in access.ticket_offices(ticket)):
        raise Http404
    context = {"ticket": ticket, "found": suggestions_for_ticket(user=request.user, ticket=ticket)}
    return render(request, "helpdesk/_ticket_similar.html", context)


@login_required
@require_POST
def ticket_guidance(request: HttpRequest, reference: str) -> HttpResponse:
    """Link the ticket (and the ticked similar tickets of the office) to a guidance item,
    or release it (empty ``guidance``)."""
    ticket = selectors.ticket_get(user=request.user, reference=reference)
    raw = request.POST.get("guidance", "")
    if not raw:
        try:
            services.ticket_guidance_link(ticket=ticket, item=None, actor=request.user)
        except (PermissionDenied, ValidationError) as exc:
            messages.error(request, _message(exc))
        return redirect(ticket)
    item = selectors.guidance_get(pk=int(raw)) if raw.isdecimal() else None
    if item is None:
        raise Http404
    ids = {ticket.pk} | {int(v) for v in request.POST.getlist("link") if v.isdecimal()}
    tickets = Ticket.objects.filter(access.guidance_linkable(request.user, item), pk__in=ids)
    count, errors = services.guidance_link_many(
        item=item, tickets=tickets.select_related("office"), actor=request.user
    )
    if count:
        messages.success(request, _("%(n)s tickets now wait for this guidance.") % {"n": count})
    for error in errors:
        messages.error(request, error)
    if not count and not errors:
        messages.error(
            request,
            _("You may link only your office's tickets, to guidance of your office or above it."),
        )
    return redirect(ticket)


def _message(exc) -> str:
    return " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
