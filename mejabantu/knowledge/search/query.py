"""Reading the index: a query's tokens, its candidates from the database, and their rank.

The database finds the candidates (at most ``CANDIDATES`` by its own rank, FTS5's bm25 on
SQLite, idf-weighted ts_rank on PostgreSQL); ``ranking.rank`` orders them in Python with
corpus statistics read from the index, so both give the same order for the same data.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection

from mejabantu.knowledge import analyzer, ranking
from mejabantu.knowledge.models import IndexTerm, SearchEntry
from mejabantu.knowledge.search.indexing import BODY_TOTAL, DOCS, TITLE_TOTAL
from mejabantu.knowledge.search.vocabulary import SAFE_TOKEN, vocabulary_near

CANDIDATES = 100
COMMON_SHARE = 0.05
COMMON_MIN = 50


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


def query_tokens(text: str) -> list[str]:
    """Analyze a query the way items are indexed, correcting misspelt words."""
    tokens = analyzer.analyze(text[:300], vocabulary=vocabulary_near)
    return [t for t in analyzer.unique(tokens) if SAFE_TOKEN.match(t)][:32]


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


def find_candidates(
    tokens: list[str], filters: Filters, stats: ranking.CorpusStats | None = None
) -> list[ranking.Candidate]:
    """The items that hold any of ``tokens`` and pass ``filters``, as the database ranks them."""
    where, params = _filter_sql(filters, "e")
    columns = "e.kind, e.key, e.object_id, e.title_tokens, e.body_tokens"
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            match = " OR ".join(f'"{t}"' for t in tokens)
            cursor.execute(
                f"SELECT {columns} FROM ("  # noqa: S608 - fixed SQL, values as parameters
                "SELECT rowid, bm25(knowledge_search_fts, 3.0, 1.0) AS r "
                "FROM knowledge_search_fts WHERE knowledge_search_fts MATCH %s "
                "ORDER BY r LIMIT %s) f "
                f"JOIN knowledge_searchentry e ON e.id = f.rowid WHERE {where} "
                "ORDER BY f.r LIMIT %s",
                [match, CANDIDATES * 4, *params, CANDIDATES],
            )
        elif connection.vendor == "postgresql":
            # ts_rank knows no idf: weigh each term's rank by our idf (the same numbers the
            # final BM25 uses), so the candidates are those BM25 would rank high, as FTS5's
            # bm25 picks them on SQLite
            tsquery = " | ".join(f"'{t}'" for t in tokens)
            count = stats.count if stats else 0
            weights = [
                ranking.idf(stats.doc_freq.get(t, 0), count) if stats else 1.0 for t in tokens
            ]
            rank = " + ".join(["%s * ts_rank(e.vector, %s::tsquery)"] * len(tokens))
            rank_params = [p for t, w in zip(tokens, weights, strict=True) for p in (w, f"'{t}'")]
            cursor.execute(
                f"SELECT {columns} FROM knowledge_searchentry e "  # noqa: S608 - fixed SQL
                f"WHERE e.vector @@ %s::tsquery AND {where} "
                f"ORDER BY ({rank}) DESC, e.key LIMIT %s",
                [tsquery, *params, *rank_params, CANDIDATES],
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
    rows = dict(
        IndexTerm.objects.filter(
            term__in=[*tokens, DOCS, TITLE_TOTAL, BODY_TOTAL], doc_freq__gt=0
        ).values_list("term", "doc_freq")
    )
    count = rows.pop(DOCS, 0)
    title, body = rows.pop(TITLE_TOTAL, 0), rows.pop(BODY_TOTAL, 0)
    return ranking.CorpusStats(
        count=count,
        avg_title=title / count if count else 0.0,
        avg_body=body / count if count else 0.0,
        doc_freq=rows,
    )


def selective(tokens: list[str], stats: ranking.CorpusStats) -> list[str]:
    """The query tokens that find candidates: all known ones, less those in most items.

    A token found in more than COMMON_SHARE of the index (e.g. "calon") still counts in the
    score, but does not pull in thousands of candidates, unless nothing rarer was asked.
    """
    known = [t for t in tokens if stats.doc_freq.get(t)]
    limit = max(COMMON_SHARE * stats.count, COMMON_MIN)
    rare = [t for t in known if stats.doc_freq[t] <= limit]
    return rare or known


def search_index(text: str, *, filters: Filters | None = None, limit: int = 10) -> list[Hit]:
    """Return the best published items for a query, best first (same order on every database)."""
    return search_with_tokens(text, filters=filters, limit=limit)[0]


def search_with_tokens(
    text: str, *, filters: Filters | None = None, limit: int = 10
) -> tuple[list[Hit], list[str]]:
    """Like ``search_index``, also returning the analyzed query tokens (for snippets)."""
    filters = filters or Filters()
    tokens = query_tokens(text)
    if not tokens:
        return [], tokens
    stats = corpus_stats(tokens)
    finding = selective(tokens, stats)
    if not finding:
        return [], tokens
    candidates = find_candidates(finding, filters, stats)
    hits = [
        Hit(kind=s.payload[0], key=s.payload[1], object_id=s.payload[2], score=s.score)  # type: ignore[index]
        for s in ranking.rank(candidates, tokens, stats, limit)
    ]
    return hits, tokens
