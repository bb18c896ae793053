"""Seed content: regulations, articles and FAQ answers from ``data/*.json`` (when present).

``load()`` is idempotent: regulations by code, articles by key, answers by slug. Answers are
published (a changed seed answer gets a new version with the reason "seed content updated")
and indexed. The content itself is written separately, in our own words, from
shared/domain/pilkada-2024-facts.md.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

from django.db import transaction

from mejabantu.knowledge import search, services
from mejabantu.knowledge.models import Answer, Article, Regulation
from mejabantu.offices.models import Office

DATA = Path(__file__).resolve().parent / "data"
logger = logging.getLogger(__name__)


def _known_citations(slug: str, keys: list[str]) -> list[str]:
    """Keep the citations the knowledge base knows; warn about the others (never crash)."""
    known = []
    for key in keys:
        if Article.objects.filter(key=key).exists() or Regulation.objects.filter(code=key).exists():
            known.append(key)
        else:
            logger.warning("seed answer %s cites unknown %s; citation skipped", slug, key)
    return known


def _known_parameters(slug: str, keys: list[str]) -> list[str]:
    unknown = sorted(set(keys) - services.PARAMETER_KEYS)
    if unknown:
        logger.warning("seed answer %s names unknown parameters %s", slug, unknown)
    return [k for k in keys if k in services.PARAMETER_KEYS]


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@transaction.atomic
def load_regulations(path: Path) -> tuple[int, int]:
    """Load regulations and articles from a regulations.json; return (regulations, articles).

    Articles that are new or changed are (re)indexed once all of them are in place.
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    regs = data.get("regulations", [])
    for item in regs:
        services.regulation_upsert(
            code=item["code"],
            kind=item["kind"],
            number=str(item["number"]),
            year=int(item["year"]),
            title=item["title"],
            date=_date(item.get("date")),
            status=item.get("status", "in_force"),
            uncertain=bool(item.get("uncertain")),
            note=item.get("note", ""),
        )
    codes = {item["code"] for item in regs} | set(Regulation.objects.values_list("code", flat=True))
    for item in regs:
        if item.get("amended_by"):
            services.regulation_set_amended_by(
                regulation=Regulation.objects.get(code=item["code"]),
                codes=[c for c in item["amended_by"] if c in codes],
            )
    by_code = {r.code: r for r in Regulation.objects.all()}
    articles = data.get("articles", [])
    changed: list[Article] = []
    for position, item in enumerate(articles):
        if item["regulation"] not in by_code:
            logger.warning("seed article %s: unknown regulation; skipped", item["key"])
            continue
        article, was_changed = services.article_upsert(
            regulation=by_code[item["regulation"]],
            key=item["key"],
            bab=item.get("bab", ""),
            pasal=str(item["pasal"]),
            ayat=str(item.get("ayat") or ""),
            letter=item.get("letter") or "",
            heading=item.get("heading", ""),
            text=item["text"],
            status=item.get("status", "in_force"),
            uncertain=bool(item.get("uncertain")),
            position=position,
            reindex=False,
        )
        if was_changed:
            changed.append(article)
    for article in changed:
        search.index_article(article)
    return len(regs), len(articles)


@transaction.atomic
def load_answers(path: Path) -> int:
    """Load, publish and index FAQ answers from a faq.json; return how many."""
    items = json.loads(path.read_text(encoding="utf-8"))
    offices = {o.code: o for o in Office.objects.all()}
    count = 0
    for item in items:
        office = offices.get(item.get("office") or "ri")
        if office is None:
            continue  # the office is not on this installation
        fields = {
            "question": item["question"],
            "body": item["answer"],
            "category": item["category"],
            "stage": item.get("stage") or "",
            "uncertain": bool(item.get("uncertain")),
            "uncertain_note": item.get("uncertain_note", ""),
        }
        citations = _known_citations(item["slug"], list(item.get("citations", [])))
        # cited to explain what the rule was, not as the rule in force (no review banner)
        context = [k for k in item.get("context_citations", []) if k in citations]
        parameters = _known_parameters(item["slug"], list(item.get("parameters", [])))
        answer = Answer.objects.filter(slug=item["slug"]).first()
        if answer is None:
            answer = services.answer_create(
                slug=item["slug"],
                office=office,
                citations=citations,
                context_citations=context,
                parameters=parameters,
                **fields,
            )
            services.answer_publish(answer=answer)
        else:
            stored = list(answer.citations.select_related("article", "regulation"))
            cites = [c.key for c in stored]
            changed = (
                any(getattr(answer, k) != v for k, v in fields.items())
                or cites != citations
                or sorted(c.key for c in stored if c.context) != sorted(context)
                or list(answer.parameters) != parameters
            )
            if changed and answer.state == Answer.State.PUBLISHED:
                services.answer_update(
                    answer=answer,
                    reason="Konten awal diperbarui.",
                    citations=citations,
                    context_citations=context,
                    parameters=parameters,
                    **fields,
                )
        count += 1
    return count


def load() -> None:
    """Load the seed regulations and answers when the data files exist (indexed as they load).

    Loading the same files again changes nothing and indexes nothing.
    """
    regulations = DATA / "regulations.json"
    faq = DATA / "faq.json"
    if regulations.exists():
        load_regulations(regulations)
    if faq.exists():
        load_answers(faq)
