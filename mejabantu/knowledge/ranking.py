"""BM25 over two fields (title/question above body), computed the same way on every database.

The database (SQLite FTS5 or PostgreSQL full text) only finds the candidates; this module
orders them, so both databases return the same order for the same data. Ties are broken by
the item's stable key, never by a database id. Pure Python, no Django.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

K1 = 1.2
B = 0.75
TITLE_WEIGHT = 3.0
BODY_WEIGHT = 1.0


@dataclass(frozen=True)
class Candidate:
    """One indexed item as the ranker sees it: analyzed tokens of its two fields."""

    key: str
    title_tokens: tuple[str, ...]
    body_tokens: tuple[str, ...]
    payload: object = field(default=None, compare=False, hash=False)


@dataclass(frozen=True)
class CorpusStats:
    """What BM25 needs about the whole index: its size, mean field lengths, term frequencies."""

    count: int
    avg_title: float
    avg_body: float
    doc_freq: Mapping[str, int]


@dataclass(frozen=True)
class Scored:
    key: str
    score: float
    payload: object = field(default=None, compare=False, hash=False)


def idf(term_docs: int, count: int) -> float:
    """The BM25 inverse document frequency (never negative)."""
    return math.log(1.0 + (count - term_docs + 0.5) / (term_docs + 0.5))


def score(candidate: Candidate, query: Iterable[str], stats: CorpusStats) -> float:
    """BM25F score of one candidate for the query terms (each distinct term counted once)."""
    title, body = candidate.title_tokens, candidate.body_tokens
    length = TITLE_WEIGHT * len(title) + BODY_WEIGHT * len(body)
    avg = TITLE_WEIGHT * stats.avg_title + BODY_WEIGHT * stats.avg_body
    norm = K1 * (1 - B + B * (length / avg if avg else 0.0))
    total = 0.0
    for term in dict.fromkeys(query):
        tf = TITLE_WEIGHT * title.count(term) + BODY_WEIGHT * body.count(term)
        if not tf:
            continue
        total += idf(stats.doc_freq.get(term, 1), stats.count) * tf * (K1 + 1) / (tf + norm)
    return round(total, 9)


def rank(
    candidates: Iterable[Candidate], query: list[str], stats: CorpusStats, limit: int
) -> list[Scored]:
    """Return the best candidates, highest score first, ties by key."""
    scored = [Scored(c.key, score(c, query, stats), c.payload) for c in candidates]
    scored = [s for s in scored if s.score > 0]
    scored.sort(key=lambda s: (-s.score, s.key))
    return scored[:limit]


def stats_of(candidates: list[Candidate]) -> CorpusStats:
    """Corpus statistics computed from a complete list of items (reference and benchmarks)."""
    count = len(candidates)
    doc_freq: Counter[str] = Counter()
    for c in candidates:
        doc_freq.update(set(c.title_tokens) | set(c.body_tokens))
    return CorpusStats(
        count=count,
        avg_title=sum(len(c.title_tokens) for c in candidates) / count if count else 0.0,
        avg_body=sum(len(c.body_tokens) for c in candidates) / count if count else 0.0,
        doc_freq=doc_freq,
    )
