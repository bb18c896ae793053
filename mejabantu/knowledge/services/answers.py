"""Writes of answers: drafts, citations, publishing, versioned edits, withdrawal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from mejabantu.knowledge import search
from mejabantu.knowledge.models import Answer, AnswerVersion, Article, Citation, Regulation
from mejabantu.knowledge.services.editors import can_edit
from mejabantu.offices.models import Office

PARAMETER_KEYS = frozenset(
    {
        "threshold_percent",
        "threshold_seat_percent",
        "threshold_vote_percent",
        "seatless_parties_allowed",
        "min_age",
        "age_reference",
        "independent_percent",
        "independent_spread",
    }
)


def resolve_citations(keys: Iterable[str]) -> list[tuple[Regulation, Article | None]]:
    """Turn citation keys (article keys or regulation codes) into objects, or raise."""
    resolved: list[tuple[Regulation, Article | None]] = []
    unknown: list[str] = []
    for raw in keys:
        key = raw.strip().strip("/")
        if not key:
            continue
        article = Article.objects.select_related("regulation").filter(key=key).first()
        if article is not None:
            resolved.append((article.regulation, article))
            continue
        regulation = Regulation.objects.filter(code=key).first()
        if regulation is not None:
            resolved.append((regulation, None))
            continue
        unknown.append(key)
    if unknown:
        raise ValidationError(
            {
                "citations": _(
                    "These citations are not in the knowledge base: %(keys)s. Use an article "
                    "key such as uu-10-2016/7/2/e or a regulation code such as pkpu-8-2024."
                )
                % {"keys": ", ".join(unknown)}
            }
        )
    return resolved


def _set_citations(
    answer: Answer, keys: Iterable[str], context: Iterable[str] | None = None
) -> None:
    """Replace an answer's citations. ``context``: the keys cited as history or context (not
    as the rule in force); None keeps the marks of the keys the answer already cites."""
    resolved = resolve_citations(keys)
    if context is None:
        marked = {
            c.key for c in answer.citations.select_related("article", "regulation") if c.context
        }
    else:
        marked = {k.strip().strip("/") for k in context}
    answer.citations.all().delete()
    Citation.objects.bulk_create(
        [
            Citation(
                answer=answer,
                regulation=reg,
                article=art,
                position=i,
                context=(art.key if art else reg.code) in marked,
            )
            for i, (reg, art) in enumerate(resolved)
        ]
    )


def _check_parameters(parameters: Iterable[str]) -> list[str]:
    parameters = [p for p in parameters if p]
    unknown = sorted(set(parameters) - PARAMETER_KEYS)
    if unknown:
        raise ValidationError(
            {
                "parameters": _("Unknown rule-set parameter(s): %(keys)s.")
                % {"keys": ", ".join(unknown)}
            }
        )
    return parameters


def _unique_slug(question: str) -> str:
    base = slugify(question)[:100] or "jawaban"
    slug, n = base, 2
    while Answer.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def answer_create(
    *,
    question: str,
    body: str,
    category: str,
    office: Office,
    citations: Iterable[str] = (),
    context_citations: Iterable[str] = (),
    slug: str = "",
    stage: str = "",
    parameters: Iterable[str] = (),
    valid_from: dt.date | None = None,
    valid_to: dt.date | None = None,
    uncertain: bool = False,
    uncertain_note: str = "",
    user=None,
) -> Answer:
    """Create a draft answer of an office (staff of that office, or the system)."""
    if not can_edit(user, office):
        raise PermissionDenied(_("Only staff of this office can write its answers."))
    if not question.strip() or not body.strip():
        raise ValidationError(_("Write both the question and the answer."))
    answer = Answer.objects.create(
        slug=slug or _unique_slug(question),
        question=question.strip(),
        body=body.strip(),
        category=category,
        stage=stage or "",
        office=office,
        parameters=_check_parameters(parameters),
        valid_from=valid_from,
        valid_to=valid_to,
        uncertain=uncertain,
        uncertain_note=uncertain_note,
        updated_by=user,
    )
    _set_citations(answer, citations, context_citations)
    return answer


def _snapshot(answer: Answer, *, reason: str, user) -> AnswerVersion:
    answer.version += 1
    answer.save(update_fields=["version"])
    return AnswerVersion.objects.create(
        answer=answer,
        number=answer.version,
        question=answer.question,
        body=answer.body,
        citations=[c.key for c in answer.citations.select_related("article", "regulation")],
        reason=reason,
        created_by=user,
    )


@transaction.atomic
def answer_publish(*, answer: Answer, user=None, reason: str = "") -> Answer:
    """Publish a draft answer: it becomes version 1 (or the next) and enters the index."""
    if user is not None and not (user.is_coordinator or user.role == "admin"):
        raise PermissionDenied(_("Only a coordinator can publish answers."))
    if not can_edit(user, answer.office):
        raise PermissionDenied(_("Only staff of this office can publish its answers."))
    if answer.state == Answer.State.PUBLISHED:
        return answer
    answer.state = Answer.State.PUBLISHED
    answer.published_at = answer.published_at or timezone.now()
    answer.updated_at = timezone.now()
    answer.updated_by = user
    answer.save()
    _snapshot(answer, reason=reason or _("First published."), user=user)
    search.index_answer(answer)
    return answer


EDITABLE_FIELDS = (
    "question",
    "body",
    "category",
    "stage",
    "valid_from",
    "valid_to",
    "uncertain",
    "uncertain_note",
)


@transaction.atomic
def answer_update(
    *,
    answer: Answer,
    user=None,
    reason: str = "",
    citations: Iterable[str] | None = None,
    context_citations: Iterable[str] | None = None,
    parameters: Iterable[str] | None = None,
    **fields,
) -> Answer:
    """Edit an answer. A published answer keeps its old version and needs a reason."""
    if not can_edit(user, answer.office):
        raise PermissionDenied(_("Only staff of this office can edit its answers."))
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    published = answer.state == Answer.State.PUBLISHED
    if published:
        if user is not None and not (user.is_coordinator or user.role == "admin"):
            raise PermissionDenied(_("Only a coordinator can change a published answer."))
        if not reason.strip():
            raise ValidationError(
                {"reason": _("Say why the published answer changes; readers see this reason.")}
            )
    for name, value in fields.items():
        setattr(answer, name, value.strip() if isinstance(value, str) else value)
    if parameters is not None:
        answer.parameters = _check_parameters(parameters)
    answer.updated_at = timezone.now()
    answer.updated_by = user
    answer.full_clean(exclude=["office", "superseded_by", "updated_by"])
    answer.save()
    if citations is not None:
        _set_citations(answer, citations, context_citations)
    elif context_citations is not None:
        _set_citations(answer, [c.key for c in answer.citations.all()], context_citations)
    if published:
        _snapshot(answer, reason=reason.strip(), user=user)
    search.index_answer(answer)
    return answer


@transaction.atomic
def answer_supersede(
    *, answer: Answer, by: Answer | None = None, user=None, reason: str = ""
) -> Answer:
    """Withdraw a published answer, pointing readers to the one that replaces it."""
    if not can_edit(user, answer.office):
        raise PermissionDenied(_("Only staff of this office can withdraw its answers."))
    answer.state = Answer.State.SUPERSEDED
    answer.superseded_by = by
    answer.updated_at = timezone.now()
    answer.updated_by = user
    answer.save()
    search.index_answer(answer)
    return answer
