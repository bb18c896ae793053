"""Writing the index: entries, their FTS row or tsvector, document frequencies and totals.

The index's size and total field lengths are kept as rows of ``IndexTerm`` named with '#', so
ranking reads corpus statistics without scanning the entries.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import F

from mejabantu.knowledge import analyzer
from mejabantu.knowledge.models import (
    Answer,
    Article,
    IndexTerm,
    SearchEntry,
    SearchTerm,
    SearchTermVariant,
)
from mejabantu.knowledge.search.documents import answer_document, article_document, article_indexed
from mejabantu.knowledge.search.vocabulary import SAFE_TOKEN, add_vocabulary

MAX_POSITIONS = 16000
DOCS, TITLE_TOTAL, BODY_TOTAL = "#docs", "#title", "#body"


def _adjust_totals(docs: int, title: int, body: int) -> None:
    """Keep the index size and total field lengths (rows of IndexTerm named with '#')."""
    IndexTerm.objects.bulk_create(
        [IndexTerm(term=t, doc_freq=0) for t in (DOCS, TITLE_TOTAL, BODY_TOTAL)],
        ignore_conflicts=True,
    )
    for term, delta in ((DOCS, docs), (TITLE_TOTAL, title), (BODY_TOTAL, body)):
        if delta:
            IndexTerm.objects.filter(term=term).update(doc_freq=F("doc_freq") + delta)


def _adjust_doc_freq(added: set[str], removed: set[str]) -> None:
    """Keep the per-token document frequencies in step with the entries."""
    if added:
        IndexTerm.objects.bulk_create(
            [IndexTerm(term=t, doc_freq=0) for t in sorted(added)], ignore_conflicts=True
        )
        IndexTerm.objects.filter(term__in=added).update(doc_freq=F("doc_freq") + 1)
    if removed:
        IndexTerm.objects.filter(term__in=removed).update(doc_freq=F("doc_freq") - 1)


def _terms(entry: SearchEntry | None) -> set[str]:
    if entry is None:
        return set()
    return set(entry.title_tokens.split()) | set(entry.body_tokens.split())


def index_answer(answer: Answer) -> None:
    """Put a published, valid answer into the index, or take it out."""
    if answer.state != Answer.State.PUBLISHED:
        remove_entry(kind="answer", key=answer.slug)
        return
    title, body = answer_document(answer)
    regulations = {c.regulation.code for c in answer.citations.select_related("regulation")}
    _write_entry(
        kind="answer",
        key=answer.slug,
        object_id=answer.pk,
        office_id=answer.office_id,
        category=answer.category,
        stage=answer.stage,
        regulations=regulations,
        title=title,
        body=body,
    )


def index_article(article: Article) -> None:
    """Put an article into the index (unless a broader unit of it is there)."""
    if not article_indexed(article):
        remove_entry(kind="article", key=article.key)
        return
    title, body = article_document(article)
    _write_entry(
        kind="article",
        key=article.key,
        object_id=article.pk,
        office_id=None,
        category="",
        stage="",
        regulations={article.regulation.code},
        title=title,
        body=body,
    )


def _write_entry(
    *,
    kind: str,
    key: str,
    object_id: int,
    office_id: int | None,
    category: str,
    stage: str,
    regulations: set[str],
    title: str,
    body: str,
) -> None:
    title_tokens = [t for t in analyzer.analyze(title) if SAFE_TOKEN.match(t)]
    body_tokens = [t for t in analyzer.analyze(body) if SAFE_TOKEN.match(t)]
    old = SearchEntry.objects.filter(kind=kind, key=key).first()
    old_terms = _terms(old)
    new_terms = set(title_tokens) | set(body_tokens)
    _adjust_doc_freq(new_terms - old_terms, old_terms - new_terms)
    _adjust_totals(
        0 if old else 1,
        len(title_tokens) - (old.title_length if old else 0),
        len(body_tokens) - (old.body_length if old else 0),
    )
    entry, _ = SearchEntry.objects.update_or_create(
        kind=kind,
        key=key,
        defaults={
            "object_id": object_id,
            "office_id": office_id,
            "category": category or "",
            "stage": stage or "",
            "regulations": "|" + "|".join(sorted(regulations)) + "|",
            "title_tokens": " ".join(title_tokens),
            "body_tokens": " ".join(body_tokens),
            "title_length": len(title_tokens),
            "body_length": len(body_tokens),
        },
    )
    add_vocabulary(set(analyzer.analyze_surface(title)) | set(analyzer.analyze_surface(body)))
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DELETE FROM knowledge_search_fts WHERE rowid = %s", [entry.pk])
            cursor.execute(
                "INSERT INTO knowledge_search_fts (rowid, title, body) VALUES (%s, %s, %s)",
                [entry.pk, entry.title_tokens, entry.body_tokens],
            )
        elif connection.vendor == "postgresql":
            cursor.execute(
                "UPDATE knowledge_searchentry SET vector = "
                "setweight(%s::tsvector, 'A') || setweight(%s::tsvector, 'B') WHERE id = %s",
                [_tsvector(title_tokens, 1), _tsvector(body_tokens, 1000), entry.pk],
            )


def index_articles_bulk(articles: list[Article], *, batch: int = 500) -> int:
    """Index many new articles at once (imports of whole regulations, benchmarks).

    Unlike ``index_article`` it does not check for parent units: pass leaf-level articles.
    """
    done = 0
    for start in range(0, len(articles), batch):
        chunk = articles[start : start + batch]
        entries = []
        surface: set[str] = set()
        for article in chunk:
            title, body = article_document(article)
            title_tokens = [t for t in analyzer.analyze(title) if SAFE_TOKEN.match(t)]
            body_tokens = [t for t in analyzer.analyze(body) if SAFE_TOKEN.match(t)]
            surface |= set(analyzer.analyze_surface(title)) | set(analyzer.analyze_surface(body))
            entries.append(
                SearchEntry(
                    kind="article",
                    key=article.key,
                    object_id=article.pk,
                    regulations=f"|{article.regulation.code}|",
                    title_tokens=" ".join(title_tokens),
                    body_tokens=" ".join(body_tokens),
                    title_length=len(title_tokens),
                    body_length=len(body_tokens),
                )
            )
        SearchEntry.objects.bulk_create(entries)
        _adjust_totals(
            len(entries),
            sum(e.title_length for e in entries),
            sum(e.body_length for e in entries),
        )
        counts: dict[str, int] = {}
        for e in entries:
            for t in _terms(e):
                counts[t] = counts.get(t, 0) + 1
        IndexTerm.objects.bulk_create(
            [IndexTerm(term=t, doc_freq=0) for t in sorted(counts)], ignore_conflicts=True
        )
        by_count: dict[int, list[str]] = {}
        for t, n in counts.items():
            by_count.setdefault(n, []).append(t)
        for n, terms in by_count.items():
            for i in range(0, len(terms), 900):
                IndexTerm.objects.filter(term__in=terms[i : i + 900]).update(
                    doc_freq=F("doc_freq") + n
                )
        created = list(SearchEntry.objects.filter(kind="article", key__in=[e.key for e in entries]))
        add_vocabulary(surface)
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.executemany(
                    "INSERT INTO knowledge_search_fts (rowid, title, body) VALUES (%s, %s, %s)",
                    [(e.pk, e.title_tokens, e.body_tokens) for e in created],
                )
            elif connection.vendor == "postgresql":
                cursor.executemany(
                    "UPDATE knowledge_searchentry SET vector = "
                    "setweight(%s::tsvector, 'A') || setweight(%s::tsvector, 'B') WHERE id = %s",
                    [
                        (
                            _tsvector(e.title_tokens.split(), 1),
                            _tsvector(e.body_tokens.split(), 1000),
                            e.pk,
                        )
                        for e in created
                    ],
                )
        done += len(chunk)
    return done


def _tsvector(tokens: list[str], start: int) -> str:
    return " ".join(
        f"{t}:{min(start + i, MAX_POSITIONS)}" for i, t in enumerate(tokens) if SAFE_TOKEN.match(t)
    )


def remove_entry(*, kind: str, key: str) -> None:
    """Take an item out of the index (unpublished, superseded, deleted)."""
    entries = list(SearchEntry.objects.filter(kind=kind, key=key))
    if not entries:
        return
    ids = [e.pk for e in entries]
    for entry in entries:
        _adjust_doc_freq(set(), _terms(entry))
        _adjust_totals(-1, -entry.title_length, -entry.body_length)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for pk in ids:
                cursor.execute("DELETE FROM knowledge_search_fts WHERE rowid = %s", [pk])
    SearchEntry.objects.filter(pk__in=ids).delete()


def clear_index() -> None:
    """Empty the index (before a rebuild)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM knowledge_search_fts")
    SearchEntry.objects.all().delete()
    SearchTermVariant.objects.all().delete()
    SearchTerm.objects.all().delete()
    IndexTerm.objects.all().delete()
