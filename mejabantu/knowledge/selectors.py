"""Reads of the knowledge base, scoped to who is reading and from which office."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from mejabantu.accounts import access
from mejabantu.knowledge import search as index
from mejabantu.knowledge.categories import CATEGORY_LABELS  # noqa: F401 - re-exported
from mejabantu.knowledge.models import (
    Announcement,
    AnnouncementAttachment,
    Answer,
    Article,
    Citation,
    PendingGuidance,
    Regulation,
    UnansweredSearch,
)
from mejabantu.knowledge.models.regulations import (
    SUPERSEDED_ARTICLE_STATUSES,
    SUPERSEDED_REGULATION_STATUSES,
)
from mejabantu.knowledge.results import Result, snippet_of  # noqa: F401 - re-exported
from mejabantu.knowledge.results import load as load_results
from mejabantu.offices.models import Office


def visible_office_ids(office: Office | None) -> tuple[int, ...] | None:
    """The offices whose answers a reader at ``office`` sees: itself and those above it."""
    if office is None:
        return None
    return (office.pk, *(o.pk for o in office.ancestors()))


def _citations_prefetch() -> Prefetch:
    return Prefetch("citations", queryset=Citation.objects.select_related("article", "regulation"))


def _valid_now(qs: QuerySet[Answer]) -> QuerySet[Answer]:
    today = timezone.localdate()
    return qs.filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=today),
        Q(valid_to__isnull=True) | Q(valid_to__gte=today),
    )


def answers_published(*, office: Office | None = None) -> QuerySet[Answer]:
    """Published answers valid today, for readers at ``office`` (all offices when None)."""
    qs = Answer.objects.filter(state=Answer.State.PUBLISHED)
    ids = visible_office_ids(office)
    if ids is not None:
        qs = qs.filter(office_id__in=ids)
    return (
        _valid_now(qs)
        .select_related("office")
        .prefetch_related(_citations_prefetch())
        .annotate(helpful=Count("feedback", distinct=True))
    )


def answer_get(*, slug: str, user=None) -> Answer:
    """An answer page: published ones for everyone, drafts only for staff who may edit them."""
    answer = get_object_or_404(
        Answer.objects.select_related("office", "superseded_by").prefetch_related(
            _citations_prefetch(), "versions"
        ),
        slug=slug,
    )
    if answer.state == Answer.State.DRAFT and not answer_editable_by(answer, user):
        raise Http404
    return answer


def answer_editable_by(answer: Answer, user) -> bool:
    """Staff of the publishing office (and admins) edit an answer."""
    return access.is_office_staff(user, answer.office_id)


def answer_review_reasons(answer: Answer) -> list[Citation]:
    """The citations of an answer that point to an amended or revoked text."""
    return [c for c in answer.citations.all() if c.needs_review]


def answers_needing_review(*, office: Office | None = None) -> QuerySet[Answer]:
    """Published answers relying, as the rule in force, on an amended or revoked article or a
    revoked regulation (citations marked as history or context do not count)."""
    qs = Answer.objects.filter(state=Answer.State.PUBLISHED).filter(
        Q(citations__context=False, citations__article__status__in=SUPERSEDED_ARTICLE_STATUSES)
        | Q(
            citations__context=False,
            citations__article__isnull=True,
            citations__regulation__status__in=SUPERSEDED_REGULATION_STATUSES,
        )
    )
    if office is not None:
        qs = qs.filter(office=office)
    return qs.distinct().select_related("office").prefetch_related(_citations_prefetch())


def answers_for_staff(*, user) -> QuerySet[Answer]:
    """Every answer of the user's office, drafts included (all offices for an admin)."""
    qs = Answer.objects.select_related("office").annotate(helpful=Count("feedback"))
    if not (user.is_superuser or user.role == "admin"):
        qs = qs.filter(office_id=user.office_id)
    return qs.order_by("state", "category", "question")


def answers_citing_parameters(keys: set[str]) -> QuerySet[Answer]:
    """Published answers that depend on any of these rule-set parameters.

    Used by the candidacy app to show which answers a rule change affects. Filtering on a
    JSON list is done in Python so it behaves the same on SQLite and PostgreSQL.
    """
    keys = set(keys)
    qs = Answer.objects.filter(state=Answer.State.PUBLISHED).exclude(parameters=[])
    ids = [pk for pk, params in qs.values_list("pk", "parameters") if keys & set(params or [])]
    return Answer.objects.filter(pk__in=ids).select_related("office").order_by("question")


def answers_citing(*, article: Article | None = None, regulation: Regulation | None = None):
    """Published answers that cite this article (or any article of this regulation)."""
    qs = Answer.objects.filter(state=Answer.State.PUBLISHED)
    if article is not None:
        qs = qs.filter(citations__article=article)
    if regulation is not None:
        qs = qs.filter(citations__regulation=regulation)
    return qs.distinct().order_by("question")


def regulations_all() -> QuerySet[Regulation]:
    return Regulation.objects.prefetch_related("amended_by").annotate(
        article_count=Count("articles")
    )


def regulation_get(*, code: str) -> Regulation:
    return get_object_or_404(
        Regulation.objects.prefetch_related("amended_by", "amends", "articles"), code=code
    )


def article_get(*, key: str) -> Article:
    return get_object_or_404(Article.objects.select_related("regulation"), key=key)


def article_children(article: Article) -> QuerySet[Article]:
    return Article.objects.filter(key__startswith=article.key + "/").order_by("position", "key")


def pending_guidance(*, office: Office | None = None, open_only: bool = True):
    qs = PendingGuidance.objects.select_related("office", "resolved_by")
    if open_only:
        qs = qs.filter(state=PendingGuidance.State.OPEN)
    ids = visible_office_ids(office)
    if ids is not None:
        qs = qs.filter(office_id__in=ids)
    return qs


# --- announcements (sosialisasi) ---------------------------------------------------------


def announcements_published() -> QuerySet[Announcement]:
    """Announcements the public may read: published ones only, newest event first."""
    return Announcement.objects.filter(published=True).select_related("office")


def announcement_published_get(*, slug: str) -> Announcement:
    """A public announcement page; an unpublished one answers 404."""
    return get_object_or_404(
        Announcement.objects.select_related("office").prefetch_related("attachments"),
        slug=slug,
        published=True,
    )


def announcement_attachment_published_get(*, slug: str, pk: int) -> AnnouncementAttachment:
    """A file of a published announcement, for anyone; 404 while the announcement is a draft."""
    return get_object_or_404(
        AnnouncementAttachment, pk=pk, announcement__slug=slug, announcement__published=True
    )


def _is_admin(user) -> bool:
    return bool(user.is_superuser or user.role == "admin")


def announcements_for_staff(*, user) -> QuerySet[Announcement]:
    """Every announcement of the user's office, drafts included (all offices for an admin)."""
    qs = Announcement.objects.select_related("office").annotate(
        attachment_count=Count("attachments")
    )
    if not _is_admin(user):
        qs = qs.filter(office_id=user.office_id)
    return qs


def announcement_for_staff_get(*, user, pk: int) -> Announcement:
    """An announcement the user may edit; another office's answers 404, as if it did not exist."""
    qs = Announcement.objects.select_related("office").prefetch_related("attachments")
    if not _is_admin(user):
        qs = qs.filter(office_id=user.office_id)
    return get_object_or_404(qs, pk=pk)


def announcement_attachment_for_staff_get(
    *, user, announcement_pk: int, pk: int
) -> AnnouncementAttachment:
    """A file of an announcement the user may edit (drafts too); otherwise 404."""
    qs = AnnouncementAttachment.objects.select_related("announcement")
    if not _is_admin(user):
        qs = qs.filter(announcement__office_id=user.office_id)
    return get_object_or_404(qs, pk=pk, announcement_id=announcement_pk)


def unanswered_searches(*, user, limit: int = 200) -> list[dict]:
    """Searches that found nothing in the coordinator's office, grouped, most frequent first."""
    qs = UnansweredSearch.objects.all()
    if not (user.is_superuser or user.role == "admin"):
        qs = qs.filter(office_id=user.office_id)
    groups: dict[str, dict] = {}
    for item in qs.order_by("-created_at")[:2000]:
        norm = " ".join(item.query.lower().split())
        group = groups.setdefault(norm, {"query": item.query, "count": 0, "last": item.created_at})
        group["count"] += 1
    return sorted(groups.values(), key=lambda g: (-g["count"], -g["last"].timestamp()))[:limit]


# --- search ----------------------------------------------------------------------------


def search(
    q: str,
    *,
    office: Office | None = None,
    kinds: tuple[str, ...] = ("answer", "article"),
    category: str = "",
    stage: str = "",
    regulation: str = "",
    limit: int = 10,
    log_source: str | None = None,
) -> list[Result]:
    """Search published answers and articles; log the query when nothing is found."""
    filters = index.Filters(
        office_ids=visible_office_ids(office),
        kinds=kinds,
        category=category,
        stage=stage,
        regulation=regulation,
    )
    hits, tokens = index.search_with_tokens(q, filters=filters, limit=limit + 5)
    results = load_results(hits, tokens, limit)
    if log_source and not results and q.strip():
        from mejabantu.knowledge.services import unanswered_search_log

        unanswered_search_log(query=q, office=office, source=log_source)
    return results
