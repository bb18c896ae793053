"""What readers tell the knowledge base: a helpful answer, a search that found nothing."""

from __future__ import annotations

from django.db import transaction

from mejabantu.knowledge.models import Answer, AnswerFeedback, UnansweredSearch
from mejabantu.offices.models import Office


@transaction.atomic
def answer_mark_helpful(*, answer: Answer, office: Office | None = None, query: str = "") -> int:
    """Count one "this answered my question"; return the new count."""
    AnswerFeedback.objects.create(answer=answer, office=office, query=query[:300])
    return answer.feedback.count()


def unanswered_search_log(*, query: str, office: Office | None, source: str = "web") -> None:
    """Remember a search that found nothing, for the coordinator."""
    query = " ".join(query.split())[:300]
    if len(query) >= 3:
        UnansweredSearch.objects.create(query=query, office=office, source=source)
