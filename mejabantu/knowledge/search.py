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

from django.db import connection, transaction
from django.db.models import F

from mejabantu.knowledge import analyzer, ranking
from mejabantu.knowledge.models import (
    Answer,
    Article,
    IndexTerm,
    SearchEntry,
    SearchTerm,
    SearchTermVariant,
)

CANDIDATES = 100
COMMON_SHARE = 0.05
COMMON_MIN = 50
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
    """Return the words of ``words`` that occur in the index's vocabulary."""
    found: set[str] = set()
    chunk = sorted(words)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":  # one array parameter: far less to parse and plan
            cursor.execute("SELECT word FROM knowledge_searchterm WHERE word = ANY(%s)", [chunk])
            return {row[0] for row in cursor.fetchall()}
        for start in range(0, len(chunk), 900):
            part = chunk[start : start + 900]
            marks = ", ".join(["%s"] * len(part))
            cursor.execute(
                f"SELECT word FROM knowledge_searchterm WHERE word IN ({marks})",  # noqa: S608
                part,
            )
            found.update(row[0] for row in cursor.fetchall())
    return found


def vocabulary_near(words: set[str]) -> set[str]:
    """The vocabulary's words among ``words`` and one edit away from them (and a few more).

    Such a word is one of the keys (a word itself, or it with one letter left out), or one of
    its variants is (``SearchTermVariant``): one query, whatever the number of misspellings.
    """
    keys = sorted(set(words).union(*(analyzer.deletes(w) for w in words)))
    sql = (
        "SELECT word FROM knowledge_searchterm WHERE word {0} UNION ALL "
        "SELECT word FROM knowledge_searchtermvariant WHERE variant {0}"
    )
    found: set[str] = set()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(sql.format("= ANY(%s)"), [keys, keys])
            return {row[0] for row in cursor.fetchall()}
        for start in range(0, len(keys), 400):
            part = keys[start : start + 400]
            marks = f"IN ({', '.join(['%s'] * len(part))})"
            cursor.execute(sql.format(marks), part + part)
            found.update(row[0] for row in cursor.fetchall())
    return found


def query_tokens(text: str) -> list[str]:
    """Analyze a query the way items are indexed, correcting misspelt words."""
    tokens = analyzer.analyze(text[:300], vocabulary=vocabulary_near)
    return [t for t in analyzer.unique(tokens) if _SAFE_TOKEN.match(t)][:32]


# --- writing the index -----------------------------------------------------------------


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


def _article_indexed(article: Article) -> bool:
    """Index an article unless a broader unit that is present already contains its text.

    An imported pasal carries the text of its ayat and letters, so those would only repeat
    it; a seed ayat that holds only its lead-in ("... sebagai berikut:") does not, and its
    letters are indexed on their own.
    """
    parts = article.key.split("/")
    parents = ["/".join(parts[:i]) for i in range(2, len(parts))]
    if not parents:
        return True
    text = " ".join(article.text.split())
    return not any(
        text in " ".join(parent.split())
        for parent in Article.objects.filter(key__in=parents).values_list("text", flat=True)
    )


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
    _add_vocabulary(set(analyzer.analyze_surface(title)) | set(analyzer.analyze_surface(body)))
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
            title_tokens = [t for t in analyzer.analyze(title) if _SAFE_TOKEN.match(t)]
            body_tokens = [t for t in analyzer.analyze(body) if _SAFE_TOKEN.match(t)]
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
        _add_vocabulary(surface)
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


def _add_vocabulary(surface: set[str]) -> None:
    """Add the new surface words to the vocabulary, with their variants (for misspellings)."""
    words = {w for w in surface if w.isalpha() and len(w) <= 60}
    new = sorted(words - vocabulary_lookup(words))
    if not new:
        return
    with transaction.atomic():  # a word is in the vocabulary with its variants, or not at all
        SearchTerm.objects.bulk_create([SearchTerm(word=w) for w in new], ignore_conflicts=True)
        SearchTermVariant.objects.bulk_create(
            [
                SearchTermVariant(variant=v, word=w)
                for w in new
                if len(w) >= analyzer.MIN_FUZZY_LENGTH
                for v in sorted(analyzer.deletes(w))
            ],
            ignore_conflicts=True,
            batch_size=2000,
        )


def _tsvector(tokens: list[str], start: int) -> str:
    return " ".join(
        f"{t}:{min(start + i, MAX_POSITIONS)}" for i, t in enumerate(tokens) if _SAFE_TOKEN.match(t)
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


def _candidates(
    tokens: list[str], filters: Filters, stats: ranking.CorpusStats | None = None
) -> list[ranking.Candidate]:
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
    candidates = _candidates(finding, filters, stats)
    hits = [
        Hit(kind=s.payload[0], key=s.payload[1], object_id=s.payload[2], score=s.score)  # type: ignore[index]
        for s in ranking.rank(candidates, tokens, stats, limit)
    ]
    return hits, tokens
