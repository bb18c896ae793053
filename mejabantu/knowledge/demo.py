"""Seed content: regulations, articles and FAQ answers from ``data/*.json`` (when present).

``load()`` is idempotent: regulations by code, articles by key, answers by slug. Answers are
published (a changed seed answer gets a new version with the reason "seed content updated")
and indexed. The content itself is written separately, in our own words, from
shared/domain/pilkada-2024-facts.md.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.db import transaction

from mejabantu.knowledge import services
from mejabantu.knowledge.models import Answer, Regulation
from mejabantu.offices.models import Office

DATA = Path(__file__).resolve().parent / "data"


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@transaction.atomic
def load_regulations(path: Path) -> tuple[int, int]:
    """Load regulations and articles from a regulations.json; return (regulations, articles)."""
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
    for item in regs:
        if item.get("amended_by"):
            services.regulation_set_amended_by(
                regulation=Regulation.objects.get(code=item["code"]), codes=item["amended_by"]
            )
    by_code = {r.code: r for r in Regulation.objects.all()}
    articles = data.get("articles", [])
    for position, item in enumerate(articles):
        services.article_upsert(
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
        answer = Answer.objects.filter(slug=item["slug"]).first()
        if answer is None:
            answer = services.answer_create(
                slug=item["slug"],
                office=office,
                citations=item.get("citations", []),
                parameters=item.get("parameters", []),
                **fields,
            )
            services.answer_publish(answer=answer)
        else:
            cites = [c.key for c in answer.citations.select_related("article", "regulation")]
            changed = (
                any(getattr(answer, k) != v for k, v in fields.items())
                or cites != list(item.get("citations", []))
                or list(answer.parameters) != list(item.get("parameters", []))
            )
            if changed and answer.state == Answer.State.PUBLISHED:
                services.answer_update(
                    answer=answer,
                    reason="Konten awal diperbarui.",
                    citations=item.get("citations", []),
                    parameters=item.get("parameters", []),
                    **fields,
                )
        count += 1
    return count


def load() -> None:
    """Load the seed regulations and answers when the data files exist, then rebuild the index."""
    regulations = DATA / "regulations.json"
    faq = DATA / "faq.json"
    if regulations.exists():
        load_regulations(regulations)
    if faq.exists():
        load_answers(faq)
    if regulations.exists() or faq.exists():
        services.index_rebuild()
