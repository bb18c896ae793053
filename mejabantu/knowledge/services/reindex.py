"""Rebuilding the whole search index from the published answers and all articles."""

from __future__ import annotations

from django.db import transaction

from mejabantu.knowledge import search
from mejabantu.knowledge.models import Answer, Article


def index_rebuild(*, progress=None) -> int:
    """Rebuild the whole search index; call ``progress(done, total)`` as it goes.

    Returns how many items were read (answers and articles); see ``SearchEntry`` for how many
    ended up in the index.
    """
    answers = list(
        Answer.objects.filter(state=Answer.State.PUBLISHED).prefetch_related(
            "citations__article", "citations__regulation"
        )
    )
    articles = list(Article.objects.select_related("regulation"))
    total = len(answers) + len(articles)
    done = 0
    with transaction.atomic():
        search.clear_index()
        for item in [*answers, *articles]:
            if isinstance(item, Answer):
                search.index_answer(item)
            else:
                search.index_article(item)
            done += 1
            if progress and (done % 50 == 0 or done == total):
                progress(done, total)
    return done
