"""Writes of guidance items: questions that wait for technical guidance (juknis).

KPU RI, or a province for its region, opens an item and later publishes its answer; sending
the answer to the linked tickets is the helpdesk's work (helpdesk.services.guidance), since
answers outlive tickets and this app never imports the helpdesk.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mejabantu.accounts import access
from mejabantu.knowledge.categories import CATEGORY_LABELS
from mejabantu.knowledge.models import Answer, PendingGuidance
from mejabantu.knowledge.services.answers import answer_create, answer_publish, resolve_citations
from mejabantu.offices.models import Office

ANSWER_MAX = 20_000
DEFAULT_CATEGORY = "lainnya"
# "Menunggu juknis: ..." says what offices wait for; the knowledge base asks the question itself
_WAITING_PREFIX = re.compile(r"^\s*menunggu\s+(?:juknis|petunjuk\s+teknis)\s*[:\-–—]\s*", re.I)


def _refuse_issue() -> PermissionDenied:
    return PermissionDenied(
        _(
            "Only staff of KPU RI, or of a provincial KPU for its region, can open guidance "
            "items. Link your tickets to an item of the offices above yours instead."
        )
    )


@transaction.atomic
def pending_guidance_create(
    *, title: str, office: Office, description: str = "", user=None
) -> PendingGuidance:
    """Open a guidance item ("menunggu juknis: ...") of KPU RI or of a province."""
    if not access.may_issue_guidance(user, office):
        raise _refuse_issue()
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Say what the offices are waiting for.")})
    if len(title) > 300:
        raise ValidationError({"title": _("Keep the title under 300 characters.")})
    return PendingGuidance.objects.create(
        title=title,
        description=(description or "").strip(),
        office=office,
        created_by=user if getattr(user, "pk", None) else None,
    )


def citations_snapshot(keys: Iterable[str]) -> list[dict]:
    """The citations of a guidance answer as published: key, label and address of each cited
    article or regulation (unknown keys raise ValidationError, as for answers)."""
    shown = []
    for regulation, article in resolve_citations(keys):
        if article is not None:
            label = f"{article.reference} {regulation.short_name}"
            shown.append({"key": article.key, "label": label, "url": article.get_absolute_url()})
        else:
            shown.append(
                {
                    "key": regulation.code,
                    "label": regulation.short_name,
                    "url": regulation.get_absolute_url(),
                }
            )
    return shown


@transaction.atomic
def guidance_answer_record(
    *,
    item: PendingGuidance,
    user,
    body: str,
    citations: Iterable[str] = (),
    answer: Answer | None = None,
    publish_as_answer: bool = False,
    answer_category: str = DEFAULT_CATEGORY,
) -> PendingGuidance:
    """Record the published answer of a guidance item (body, citations, optionally the
    knowledge-base answer that carries it) and mark it as being sent; the helpdesk sends it.

    ``publish_as_answer`` also publishes it as a new knowledge-base answer of the issuing
    office (the item's title as its question, in ``answer_category``), through the answers'
    own services and in the same transaction: a coordinator's right, as for any answer.
    Only the issuing office answers, once."""
    item = PendingGuidance.objects.select_for_update().select_related("office").get(pk=item.pk)
    if not access.may_issue_guidance(user, item.office):
        raise PermissionDenied(_("Only the office that opened this item can publish its answer."))
    if item.state != PendingGuidance.State.OPEN:
        raise ValidationError(_("The answer to this item was published already."))
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Write the answer before publishing it.")})
    if len(body) > ANSWER_MAX:
        raise ValidationError({"body": _("Keep the answer under 20,000 characters.")})
    if answer is not None and answer.state != Answer.State.PUBLISHED:
        raise ValidationError({"answer": _("Link a published knowledge-base answer.")})
    citations = list(citations)
    item.answer_citations = citations_snapshot(citations)
    if publish_as_answer:
        if answer is not None:
            raise ValidationError(
                {
                    "answer": _(
                        "Either link a published knowledge-base answer or publish the answer "
                        "as a new one, not both."
                    )
                }
            )
        answer = _publish_as_answer(
            item, user=user, body=body, citations=citations, category=answer_category
        )
    item.answer_body = body
    item.answered_by = user if getattr(user, "pk", None) else None
    item.answered_at = timezone.now()
    item.resolved_by = answer or item.resolved_by
    item.state = PendingGuidance.State.ANSWERING
    item.save()
    return item


def answer_question_of(item: PendingGuidance) -> str:
    """The question of the knowledge-base answer published from a guidance item: its title
    without "Menunggu juknis:" (what offices waited for is the question readers ask)."""
    question = _WAITING_PREFIX.sub("", item.title).strip() or item.title
    return question[:1].upper() + question[1:]


def _publish_as_answer(
    item: PendingGuidance, *, user, body: str, citations: list[str], category: str
) -> Answer:
    if category not in CATEGORY_LABELS:
        raise ValidationError(
            {
                "answer_category": _("Choose one of the categories: %(codes)s.")
                % {"codes": ", ".join(CATEGORY_LABELS)}
            }
        )
    answer = answer_create(
        question=answer_question_of(item),
        body=body,
        category=category,
        office=item.office,
        citations=citations,
        user=user,
    )
    reason = _("Published with the answer of the guidance item “%(title)s”.") % {
        "title": item.title
    }
    return answer_publish(answer=answer, user=user, reason=reason)


@transaction.atomic
def pending_guidance_resolve(
    *, item: PendingGuidance, answer: Answer | None = None, user=None
) -> PendingGuidance:
    """Close a guidance item that no ticket waits for, optionally naming the answer that
    settles it (with linked tickets, publish the answer instead: they must all get it)."""
    if not access.may_issue_guidance(user, item.office):
        raise PermissionDenied(_("Only the office that opened this item can resolve it."))
    if item.tickets.exists():  # the helpdesk's tickets, through their link (never imported)
        raise ValidationError(
            _("Tickets still wait for this item: publish its answer on the item's page instead.")
        )
    item.state = PendingGuidance.State.RESOLVED
    item.resolved_by = answer
    item.resolved_at = timezone.now()
    item.save()
    return item
