"""Import a regulation's text into the knowledge base (``mejabantu import-regulation FILE``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from mejabantu.knowledge import regparse, search, services
from mejabantu.knowledge.models import Article, Regulation


@dataclass
class ImportReport:
    regulation: Regulation | None = None
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    skipped_same_document: bool = False
    unparsed: list[tuple[int, str]] = field(default_factory=list)


class ImportProblem(Exception):
    """The document cannot be imported; the message says what to do."""


def regulation_import(
    *,
    path: Path,
    code: str = "",
    kind: str = "",
    number: str = "",
    year: int | None = None,
    title: str = "",
    force: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import a TXT, DOCX or PDF regulation; importing the same document again changes nothing."""
    if not path.exists():
        raise ImportProblem(f"File not found: {path}")
    parsed = regparse.parse_lines(regparse.read_lines(path))
    kind = kind or parsed.kind
    number = number or parsed.number
    year = year or parsed.year
    title = title or parsed.title
    if not (kind and number and year):
        raise ImportProblem(
            "Could not read the kind, number and year from the document's title; "
            "give them with --kind, --number and --year."
        )
    if not parsed.articles:
        raise ImportProblem("No 'Pasal' found in the document; is this a regulation's text?")
    code = code or f"{kind.replace('_', '-')}-{number}-{year}".lower().replace("/", "-")
    report = ImportReport(unparsed=parsed.unparsed)
    existing = Regulation.objects.filter(code=code).first()
    if existing and existing.source_hash == parsed.content_hash and not force:
        report.regulation = existing
        report.skipped_same_document = True
        report.unchanged = existing.articles.count()
        return report
    with transaction.atomic():
        if existing:
            regulation = existing
            if title and regulation.title != title:
                regulation.title = title
        else:
            regulation = services.regulation_upsert(
                code=code, kind=kind, number=str(number), year=int(year), title=title or code
            )
        before = set(regulation.articles.values_list("key", flat=True))
        keys: set[str] = set()
        total = len(parsed.articles)
        touched: list[Article] = []
        for position, item in enumerate(parsed.articles):
            article, changed = services.article_upsert(
                regulation=regulation,
                pasal=item.pasal,
                ayat=item.ayat,
                letter=item.letter,
                bab=item.bab,
                heading=item.heading,
                text=item.text,
                position=position,
                reindex=False,
            )
            keys.add(article.key)
            if changed:
                touched.append(article)
                if article.key in before:
                    report.updated += 1
                else:
                    report.created += 1
            else:
                report.unchanged += 1
            if progress and ((position + 1) % 20 == 0 or position + 1 == total):
                progress(position + 1, total)
        stale = regulation.articles.exclude(key__in=keys).filter(citations__isnull=True)
        for article in stale:
            search.remove_entry(kind="article", key=article.key)
        report.removed = stale.count()
        stale.delete()
        for article in touched:
            search.index_article(article)
        regulation.source_hash = parsed.content_hash
        regulation.imported_at = timezone.now()
        regulation.save()
    report.regulation = regulation
    return report
