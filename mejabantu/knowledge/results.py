"""Turn search hits into results (title, snippet, whole text, citations, url) quickly.

This is the hot path of every search: three plain SQL reads instead of ORM querysets with
prefetching, and URLs built from a reversed template instead of one ``reverse()`` per link.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.db import connection
from django.urls import reverse
from django.utils import timezone

from mejabantu.knowledge import analyzer
from mejabantu.knowledge.models.answers import citation_needs_review
from mejabantu.knowledge.models.regulations import SUPERSEDED_ARTICLE_STATUSES, regulation_name
from mejabantu.knowledge.search import Hit

REVIEW_STATUSES = tuple(str(s) for s in SUPERSEDED_ARTICLE_STATUSES)


@dataclass
class Result:
    """One search result as pages and the API show it."""

    kind: str
    id: int
    key: str
    title: str
    snippet: str
    text: str
    citations: list[dict]
    url: str
    score: float
    uncertain: bool = False
    needs_review: bool = False
    extra: dict = field(default_factory=dict, repr=False)

    @property
    def insert_text(self) -> str:
        """The answer text with its legal basis, for the officer's reply editor."""
        basis = "; ".join(c["label"] for c in self.citations)
        return f"{self.text}\n\nDasar hukum: {basis}" if basis else self.text


@lru_cache(maxsize=8)
def _url_template(name: str, kwarg: str) -> str:
    return reverse(f"knowledge:{name}", kwargs={kwarg: "PLACEHOLDER"})


def url_for(name: str, kwarg: str, value: str) -> str:
    """``reverse()`` for our simple routes, without resolving the URLconf each time."""
    return _url_template(name, kwarg).replace("PLACEHOLDER", value)


def article_reference(pasal: str, ayat: str, letter: str) -> str:
    text = f"Pasal {pasal}"
    if ayat:
        text += f" ayat ({ayat})"
    if letter:
        text += f" huruf {letter}"
    return text


@lru_cache(maxsize=20_000)
def _sentence_stems(sentence: str) -> frozenset[str]:
    return frozenset(analyzer.stem(w) for w in analyzer.words(analyzer.fold(sentence)))


def snippet_of(text: str, tokens: list[str], length: int = 220) -> str:
    """The sentence of ``text`` sharing most tokens with the query, shortened."""
    sentences = [s.strip() for s in re.split(r"(?<=[.;:!?])\s+|\n+", text) if s.strip()]
    if not sentences:
        return ""
    wanted = set(tokens)
    best = (
        max(sentences, key=lambda sentence: len(wanted & _sentence_stems(sentence)))
        if wanted
        else sentences[0]
    )
    return best if len(best) <= length else best[: length - 1].rsplit(" ", 1)[0] + "…"


def _rows(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _as_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _answers(ids: list[int]) -> dict[int, dict]:
    if not ids:
        return {}
    marks = ", ".join(["%s"] * len(ids))
    today = timezone.localdate()
    answers: dict[int, dict] = {}
    for pk, slug, question, body, uncertain, valid_from, valid_to in _rows(
        "SELECT id, slug, question, body, uncertain, valid_from, valid_to "  # noqa: S608
        f"FROM knowledge_answer WHERE state = 'published' AND id IN ({marks})",
        ids,
    ):
        start, end = _as_date(valid_from), _as_date(valid_to)
        if (start and start > today) or (end and end < today):
            continue
        answers[pk] = {
            "slug": slug,
            "question": question,
            "body": body,
            "uncertain": bool(uncertain),
            "citations": [],
        }
    if not answers:
        return answers
    marks = ", ".join(["%s"] * len(answers))
    for row in _rows(
        "SELECT c.answer_id, r.code, r.kind, r.number, r.year, r.status, "  # noqa: S608
        "a.key, a.pasal, a.ayat, a.letter, a.status, c.context "
        "FROM knowledge_citation c JOIN knowledge_regulation r ON r.id = c.regulation_id "
        "LEFT JOIN knowledge_article a ON a.id = c.article_id "
        f"WHERE c.answer_id IN ({marks}) ORDER BY c.answer_id, c.position",
        list(answers),
    ):
        answer_id, code, kind, number, year, reg_status, key, pasal, ayat, letter, status = row[:11]
        context = bool(row[11])
        name = regulation_name(kind, number, year)
        if key:
            citation = {
                "key": key,
                "label": f"{article_reference(pasal, ayat, letter)} {name}",
                "url": url_for("article", "key", key),
                "status": status,
            }
        else:
            citation = {
                "key": code,
                "label": name,
                "url": url_for("regulation", "code", code),
                "status": reg_status,
            }
        citation["context"] = context
        citation["needs_review"] = citation_needs_review(
            context=context, article_status=status if key else None, regulation_status=reg_status
        )
        answers[answer_id]["citations"].append(citation)
    return answers


def _articles(ids: list[int]) -> dict[int, dict]:
    if not ids:
        return {}
    marks = ", ".join(["%s"] * len(ids))
    found = {}
    for row in _rows(
        "SELECT a.id, a.key, a.pasal, a.ayat, a.letter, a.text, a.status, a.uncertain, "  # noqa: S608
        "r.kind, r.number, r.year, r.uncertain FROM knowledge_article a "
        f"JOIN knowledge_regulation r ON r.id = a.regulation_id WHERE a.id IN ({marks})",
        ids,
    ):
        pk, key, pasal, ayat, letter, text, status, uncertain, kind, number, year, reg_unc = row
        label = f"{article_reference(pasal, ayat, letter)} {regulation_name(kind, number, year)}"
        found[pk] = {
            "key": key,
            "label": label,
            "text": text,
            "status": status,
            "uncertain": bool(uncertain) or bool(reg_unc),
        }
    return found


def load(hits: list[Hit], tokens: list[str], limit: int) -> list[Result]:
    """Build up to ``limit`` results from hits (answers no longer valid are skipped)."""
    answers = _answers([h.object_id for h in hits if h.kind == "answer"])
    articles = _articles([h.object_id for h in hits if h.kind == "article"])
    results: list[Result] = []
    for hit in hits:
        if len(results) >= limit:
            break
        if hit.kind == "answer" and hit.object_id in answers:
            a = answers[hit.object_id]
            results.append(
                Result(
                    kind="answer",
                    id=hit.object_id,
                    key=a["slug"],
                    title=a["question"],
                    snippet=snippet_of(a["body"], tokens),
                    text=a["body"],
                    citations=a["citations"],
                    url=url_for("answer", "slug", a["slug"]),
                    score=hit.score,
                    uncertain=a["uncertain"],
                    needs_review=any(c["needs_review"] for c in a["citations"]),
                )
            )
        elif hit.kind == "article" and hit.object_id in articles:
            art = articles[hit.object_id]
            url = url_for("article", "key", art["key"])
            results.append(
                Result(
                    kind="article",
                    id=hit.object_id,
                    key=art["key"],
                    title=art["label"],
                    snippet=snippet_of(art["text"], tokens),
                    text=art["text"],
                    citations=[
                        {
                            "key": art["key"],
                            "label": art["label"],
                            "url": url,
                            "status": art["status"],
                        }
                    ],
                    url=url,
                    score=hit.score,
                    uncertain=art["uncertain"],
                    needs_review=art["status"] in REVIEW_STATUSES,
                )
            )
    return results
