"""The search index and its two backends (SQLite FTS5, PostgreSQL full text).

Only published answers and the articles of regulations are indexed, as the analyzer's tokens:
the question or the article's reference is the title (weight A / FTS column ``title``), the
rest is the body. The database finds the candidates (at most ``CANDIDATES`` by its own rank);
``ranking.rank`` orders them in Python with corpus statistics read from the index, so SQLite
and PostgreSQL give the same order for the same data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import Avg, Count

from mejabantu.knowledge import analyzer, ranking
from mejabantu.knowledge.models import Answer, Article, SearchEntry, SearchTerm

CANDIDATES = 200
MAX_POSITIONS = 16000
_SAFE_TOKEN = re.compile(r"^[a-z0-9_]+$")


@dataclass(frozen=True)
class Filters:
    """What narrows a search: the reader's office (and those above it), kind, category..."""

    office_ids: tuple[int, ...] | None = None
    kinds: tuple[str, ...] = ("answer", "article")
    category: str = ""
    stage: str = ""
    regulation: str = ""


@dataclass(frozen=True)
class Hit:
    kind: str
    key: str
    object_id: int
    score: float


def vocabulary_lookup(words: set[str]) -> set[str]:
    """Return the words of ``words`` that occur in the index (for misspelling tolerance)."""
    found: set[str] = set()
    chunk = sorted(words)
    for start in range(0, len(chunk), 900):
        found |= set(
            SearchTerm.objects.filter(word__in=chunk[start : start + 900]).values_list(
                "word", flat=True
            )
        )
    return found


def query_tokens(text: str) -> list[str]:
    """Analyze a query the way items are indexed, correcting misspelt words."""
    tokens = analyzer.analyze(text[:300], vocabulary=vocabulary_lookup)
    return [t for t in analyzer.unique(tokens) if _SAFE_TOKEN.match(t)][:32]


# --- writing the index -----------------------------------------------------------------


def _article_indexed(article: Article) -> bool:
    """Index the broadest unit present: a letter or ayat is skipped when its parent exists."""
    parts = article.key.split("/")
    parents = ["/".join(parts[:i]) for i in range(2, len(parts))]
    return not parents or not Article.objects.filter(key__in=parents).exists()


def answer_document(answer: Answer) -> tuple[str, str]:
    """The title and body text an answer is indexed with."""
    citations = " ".join(c.label for c in answer.citations.all())
    return answer.question, f"{answer.body}\n{citations}"


def article_document(article: Article) -> tuple[str, str]:
    """The title and body text an article is indexed with."""
    regulation = article.regulation
    title = f"{article.reference} {regulation.short_name} {article.heading}".strip()
    return title, f"{article.text}\n{regulation.title}"


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
    if not _article_indexed(article):
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
    title_tokens = [t for t in analyzer.analyze(title) if _SAFE_TOKEN.match(t)]
    body_tokens = [t for t in analyzer.analyze(body) if _SAFE_TOKEN.match(t)]
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
    surface = set(analyzer.analyze_surface(title)) | set(analyzer.analyze_surface(body))
    SearchTerm.objects.bulk_create(
        [SearchTerm(word=w) for w in sorted(surface) if w.isalpha() and len(w) <= 60],
        ignore_conflicts=True,
    )
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


def _tsvector(tokens: list[str], start: int) -> str:
    return " ".join(
        f"{t}:{min(start + i, MAX_POSITIONS)}" for i, t in enumerate(tokens) if _SAFE_TOKEN.match(t)
    )


def remove_entry(*, kind: str, key: str) -> None:
    """Take an item out of the index (unpublished, superseded, deleted)."""
    ids = list(SearchEntry.objects.filter(kind=kind, key=key).values_list("pk", flat=True))
    if not ids:
        return
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
    SearchTerm.objects.all().delete()


# --- reading the index -----------------------------------------------------------------


def _filter_sql(filters: Filters, alias: str) -> tuple[str, list]:
    clauses: list[str] = []
    params: list = []
    kinds = tuple(filters.kinds)
    clauses.append(f"{alias}.kind IN ({', '.join(['%s'] * len(kinds))})")
    params.extend(kinds)
    if filters.office_ids is not None:
        marks = ", ".join(["%s"] * len(filters.office_ids)) or "NULL"
        clauses.append(f"({alias}.office_id IS NULL OR {alias}.office_id IN ({marks}))")
        params.extend(filters.office_ids)
    if filters.category:
        clauses.append(f"{alias}.category = %s")
        params.append(filters.category)
    if filters.stage:
        clauses.append(f"{alias}.stage = %s")
        params.append(filters.stage)
    if filters.regulation:
        clauses.append(f"{alias}.regulations LIKE %s")
        params.append(f"%|{filters.regulation}|%")
    return " AND ".join(clauses), params


def _candidates(tokens: list[str], filters: Filters) -> list[ranking.Candidate]:
    where, params = _filter_sql(filters, "e")
    columns = "e.kind, e.key, e.object_id, e.title_tokens, e.body_tokens"
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            match = " OR ".join(f'"{t}"' for t in tokens)
            cursor.execute(
                f"SELECT {columns} FROM knowledge_search_fts f "  # noqa: S608 - fixed SQL
                "JOIN knowledge_searchentry e ON e.id = f.rowid "
                f"WHERE knowledge_search_fts MATCH %s AND {where} "
                "ORDER BY bm25(knowledge_search_fts, 3.0, 1.0) LIMIT %s",
                [match, *params, CANDIDATES],
            )
        elif connection.vendor == "postgresql":
            tsquery = " | ".join(f"'{t}'" for t in tokens)
            cursor.execute(
                f"SELECT {columns} FROM knowledge_searchentry e "  # noqa: S608 - fixed SQL
                f"WHERE e.vector @@ %s::tsquery AND {where} "
                "ORDER BY ts_rank(e.vector, %s::tsquery) DESC, e.key LIMIT %s",
                [tsquery, *params, tsquery, CANDIDATES],
            )
        else:  # pragma: no cover - other databases scan (correct, slow)
            return _scan_candidates(tokens, filters)
        rows = cursor.fetchall()
    return [
        ranking.Candidate(
            key=f"{kind}:{key}",
            title_tokens=tuple(title.split()),
            body_tokens=tuple(body.split()),
            payload=(kind, key, object_id),
        )
        for kind, key, object_id, title, body in rows
    ]


def _scan_candidates(tokens: list[str], filters: Filters) -> list[ranking.Candidate]:
    wanted = set(tokens)
    out = []
    for e in SearchEntry.objects.filter(kind__in=filters.kinds):
        title, body = e.title_tokens.split(), e.body_tokens.split()
        if wanted & (set(title) | set(body)):
            out.append(
                ranking.Candidate(
                    f"{e.kind}:{e.key}", tuple(title), tuple(body), (e.kind, e.key, e.object_id)
                )
            )
    return out


def corpus_stats(tokens: list[str]) -> ranking.CorpusStats:
    """Size, mean field lengths and document frequencies of the query terms, index-wide."""
    totals = SearchEntry.objects.aggregate(
        n=Count("id"), title=Avg("title_length"), body=Avg("body_length")
    )
    doc_freq: dict[str, int] = {}
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            marks = ", ".join(["%s"] * len(tokens))
            cursor.execute(
                f"SELECT term, doc FROM knowledge_search_vocab WHERE term IN ({marks})",  # noqa: S608
                tokens,
            )
            doc_freq = dict(cursor.fetchall())
        elif connection.vendor == "postgresql":
            parts = ", ".join(["count(*) FILTER (WHERE vector @@ %s::tsquery)"] * len(tokens))
            cursor.execute(
                f"SELECT {parts} FROM knowledge_searchentry WHERE vector @@ %s::tsquery",  # noqa: S608
                [*(f"'{t}'" for t in tokens), " | ".join(f"'{t}'" for t in tokens)],
            )
            doc_freq = dict(zip(tokens, cursor.fetchone(), strict=True))
        else:  # pragma: no cover
            for e in SearchEntry.objects.all():
                for t in set(e.title_tokens.split()) | set(e.body_tokens.split()):
                    doc_freq[t] = doc_freq.get(t, 0) + 1
    return ranking.CorpusStats(
        count=totals["n"] or 0,
        avg_title=float(totals["title"] or 0.0),
        avg_body=float(totals["body"] or 0.0),
        doc_freq=doc_freq,
    )


def search_index(text: str, *, filters: Filters | None = None, limit: int = 10) -> list[Hit]:
    """Return the best published items for a query, best first (same order on every database)."""
    filters = filters or Filters()
    tokens = query_tokens(text)
    if not tokens:
        return []
    candidates = _candidates(tokens, filters)
    if not candidates:
        return []
    stats = corpus_stats(tokens)
    return [
        Hit(kind=s.payload[0], key=s.payload[1], object_id=s.payload[2], score=s.score)
        for s in ranking.rank(candidates, tokens, stats, limit)
    ]
