"""Knowledge-base pages: public search and reading, staff editing, htmx fragments.

Announcement pages (public and staff) live in ``announcements.py``.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mejabantu.accounts.access import may_issue_guidance
from mejabantu.knowledge import selectors, services
from mejabantu.knowledge.forms import AnswerForm, PendingGuidanceForm, SearchForm
from mejabantu.knowledge.models import Answer, PendingGuidance
from mejabantu.knowledge.views.common import office_from, staff_required
from mejabantu.offices.models import Office


def index(request: HttpRequest) -> HttpResponse:
    """The public knowledge base: search with filters, or browse answers by category."""
    regulations = selectors.regulations_all()
    form = SearchForm(request.GET or None, regulations=regulations)
    office = office_from(request)
    results = None
    answers = []
    data = form.cleaned_data if form.is_valid() else {}
    q = (data.get("q") or "").strip()
    if q:
        results = selectors.search(
            q,
            office=office,
            category=data.get("category", ""),
            stage=data.get("stage", ""),
            regulation=data.get("regulation", ""),
            kinds=("answer", "article")
            if not (data.get("category") or data.get("stage"))
            else ("answer",),
            limit=20,
            log_source="web",
        )
    else:
        qs = selectors.answers_published(office=office).order_by("category", "question")
        if data.get("category"):
            qs = qs.filter(category=data["category"])
        if data.get("stage"):
            qs = qs.filter(stage=data["stage"])
        if data.get("regulation"):
            qs = qs.filter(citations__regulation__code=data["regulation"]).distinct()
        answers = list(qs)
    context = {
        "form": form,
        "q": q,
        "results": results,
        "answers": answers,
        "office": office,
        "categories": selectors.CATEGORY_LABELS,
        "pending": selectors.pending_guidance(office=office)[:5],
        "announcements": selectors.announcements_published()[:3],
    }
    template = "knowledge/index.html#results" if request.htmx else "knowledge/index.html"
    return render(request, template, context)


@require_GET
def suggest(request: HttpRequest) -> HttpResponse:
    """Fragment under a question form: answers that may already answer what is being typed
    (``q``, or the form's own ``subject`` and ``body``)."""
    q = request.GET.get("q", "").strip()
    if not q:
        q = f"{request.GET.get('subject', '')} {request.GET.get('body', '')}".strip()
    office = office_from(request)
    results = []
    if len(q) >= 3:
        results = selectors.search(q, office=office, kinds=("answer",), limit=3)
    return render(
        request,
        "knowledge/fragments/suggest.html",
        {"results": results, "q": q, "office": office},
    )


@require_GET
def officer_panel(request: HttpRequest) -> HttpResponse:
    """Fragment beside the reply editor: top answers and articles, each one click to insert."""
    staff_required(request)
    q = request.GET.get("q", "").strip()
    office = request.user.office if request.user.office_id else office_from(request)
    answers = selectors.search(q, office=office, kinds=("answer",), limit=5) if q else []
    articles = selectors.search(q, office=office, kinds=("article",), limit=5) if q else []
    return render(
        request,
        "knowledge/fragments/panel.html",
        {"answers": answers, "articles": articles, "q": q},
    )


def answer_detail(request: HttpRequest, slug: str) -> HttpResponse:
    answer = selectors.answer_get(slug=slug, user=request.user)
    return render(
        request,
        "knowledge/answer.html",
        {
            "answer": answer,
            "citations": list(answer.citations.all()),
            "review": selectors.answer_review_reasons(answer),
            "versions": list(answer.versions.all()),
            "can_edit": selectors.answer_editable_by(answer, request.user),
            "helpful": answer.feedback.count(),
            "categories": selectors.CATEGORY_LABELS,
        },
    )


def answer_version(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    answer = selectors.answer_get(slug=slug, user=request.user)
    version = get_object_or_404(answer.versions, number=number)
    return render(request, "knowledge/answer_version.html", {"answer": answer, "version": version})


@require_POST
def answer_helpful(request: HttpRequest, slug: str) -> HttpResponse:
    """Count "this answered my question" (htmx returns the thanks, a plain POST redirects)."""
    answer = get_object_or_404(Answer, slug=slug, state=Answer.State.PUBLISHED)
    office = Office.objects.filter(code=request.POST.get("office", "")).first()
    count = services.answer_mark_helpful(
        answer=answer, office=office, query=request.POST.get("q", "")
    )
    if request.htmx:
        return render(
            request, "knowledge/fragments/thanks.html", {"answer": answer, "count": count}
        )
    messages.success(request, _("Thank you: we counted that this answer helped you."))
    return redirect(answer)


@login_required
@require_http_methods(["GET", "POST"])
def answer_edit(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """Create a draft answer, or edit one (a published answer needs a reason for change)."""
    staff_required(request)
    answer = None
    if slug:
        answer = selectors.answer_get(slug=slug, user=request.user)
        if not selectors.answer_editable_by(answer, request.user):
            raise Http404
    form = AnswerForm(request.POST or None, instance=answer)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {f: data[f] for f in AnswerForm.Meta.fields}
        try:
            if answer is None:
                answer = services.answer_create(
                    office=request.user.office,
                    citations=form.citation_keys(),
                    parameters=data["parameters"],
                    user=request.user,
                    **fields,
                )
                messages.success(request, _("Draft saved. A coordinator can publish it."))
            else:
                services.answer_update(
                    answer=answer,
                    user=request.user,
                    reason=data.get("reason", ""),
                    citations=form.citation_keys(),
                    parameters=data["parameters"],
                    **fields,
                )
                messages.success(request, _("Answer saved."))
            return redirect(answer)
        except ValidationError as exc:
            _add_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
    return render(request, "knowledge/answer_form.html", {"form": form, "answer": answer})


def _add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            target = "citations_text" if field == "citations" else field
            form.add_error(target if target in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


@login_required
@require_POST
def answer_publish(request: HttpRequest, slug: str) -> HttpResponse:
    staff_required(request)
    answer = selectors.answer_get(slug=slug, user=request.user)
    try:
        services.answer_publish(answer=answer, user=request.user)
        messages.success(request, _("The answer is published and can be found in search."))
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    return redirect(answer)


@login_required
def manage(request: HttpRequest) -> HttpResponse:
    """Staff overview: the office's answers (drafts too), answers to review, pending guidance."""
    staff_required(request)
    office = request.user.office
    return render(
        request,
        "knowledge/manage.html",
        {
            "answers": selectors.answers_for_staff(user=request.user),
            "review": selectors.answers_needing_review(office=office),
            "pending": selectors.pending_guidance(office=office),
            "unanswered_count": len(selectors.unanswered_searches(user=request.user)),
        },
    )


@login_required
def unanswered(request: HttpRequest) -> HttpResponse:
    """Searches that found nothing, for the coordinator to write the missing answers."""
    staff_required(request)
    return render(
        request,
        "knowledge/unanswered.html",
        {"searches": selectors.unanswered_searches(user=request.user)},
    )


@require_http_methods(["GET", "POST"])
def pending_guidance(request: HttpRequest) -> HttpResponse:
    """Questions waiting for technical guidance; staff add and resolve items here."""
    office = office_from(request)
    form = refused = None
    is_staff = request.user.is_authenticated and request.user.is_staff_member
    if (
        is_staff
        and request.user.office_id
        and not may_issue_guidance(request.user, request.user.office)
    ):
        refused = _(
            "Only staff of KPU RI, or of a provincial KPU for its region, can open guidance "
            "items. Link your tickets to an item of the offices above yours instead."
        )
        if request.method == "POST":
            return render(
                request,
                "knowledge/pending.html",
                {
                    "items": selectors.pending_guidance(office=office, open_only=False),
                    "refused": refused,
                    "office": office,
                },
                status=403,
            )
    elif is_staff and request.user.office_id:
        form = PendingGuidanceForm(request.POST or None)
        if request.method == "POST":
            if "resolve" in request.POST:
                item = get_object_or_404(
                    PendingGuidance, pk=request.POST["resolve"], office=request.user.office
                )
                answer = Answer.objects.filter(
                    slug=request.POST.get("answer", ""), state=Answer.State.PUBLISHED
                ).first()
                try:
                    services.pending_guidance_resolve(item=item, answer=answer, user=request.user)
                except ValidationError as exc:
                    messages.error(request, " ".join(exc.messages))
                else:
                    messages.success(request, _("Marked as resolved."))
                return redirect("knowledge:pending_guidance")
            if form.is_valid():
                services.pending_guidance_create(
                    office=request.user.office, user=request.user, **form.cleaned_data
                )
                messages.success(request, _("Recorded. Tickets can now be linked to it."))
                return redirect("knowledge:pending_guidance")
    elif request.method == "POST":
        raise Http404
    return render(
        request,
        "knowledge/pending.html",
        {
            "items": selectors.pending_guidance(office=office, open_only=False),
            "form": form,
            "refused": refused,
            "office": office,
        },
    )


def regulation_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "knowledge/regulation_list.html", {"regulations": selectors.regulations_all()}
    )


def regulation_detail(request: HttpRequest, code: str) -> HttpResponse:
    regulation = selectors.regulation_get(code=code)
    return render(
        request,
        "knowledge/regulation.html",
        {
            "regulation": regulation,
            "articles": regulation.articles.all(),
            "answers": selectors.answers_citing(regulation=regulation),
        },
    )


def article_detail(request: HttpRequest, key: str) -> HttpResponse:
    article = selectors.article_get(key=key)
    return render(
        request,
        "knowledge/article.html",
        {
            "article": article,
            "children": selectors.article_children(article),
            "answers": selectors.answers_citing(article=article),
        },
    )
