"""Writes of regulations and their articles (pasal, ayat, letters), kept in the index."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from mejabantu.knowledge import search
from mejabantu.knowledge.models import Article, Regulation, Status


@transaction.atomic
def regulation_upsert(
    *,
    code: str,
    kind: str,
    number: str,
    year: int,
    title: str,
    date: dt.date | None = None,
    status: str = Status.IN_FORCE,
    uncertain: bool = False,
    note: str = "",
) -> Regulation:
    """Create or update a regulation by its code (e.g. ``pkpu-8-2024``)."""
    if kind not in Regulation.Kind.values:
        raise ValidationError({"kind": _("Unknown kind of regulation: %(kind)s.") % {"kind": kind}})
    regulation, _created = Regulation.objects.update_or_create(
        code=code,
        defaults={
            "kind": kind,
            "number": str(number),
            "year": int(year),
            "title": title,
            "date": date,
            "status": status,
            "uncertain": uncertain,
            "note": note,
        },
    )
    return regulation


@transaction.atomic
def regulation_set_amended_by(*, regulation: Regulation, codes: Iterable[str]) -> None:
    """Link a regulation to the ones that amend it (unknown codes are refused)."""
    codes = list(codes)
    found = list(Regulation.objects.filter(code__in=codes))
    missing = set(codes) - {r.code for r in found}
    if missing:
        raise ValidationError(
            _("Unknown regulation code(s): %(codes)s.") % {"codes": ", ".join(sorted(missing))}
        )
    regulation.amended_by.set(found)


@transaction.atomic
def regulation_set_status(*, regulation: Regulation, status: str) -> Regulation:
    """Change a regulation's status; answers citing it are then flagged for review."""
    regulation.status = status
    regulation.save(update_fields=["status"])
    return regulation


@transaction.atomic
def article_upsert(
    *,
    regulation: Regulation,
    pasal: str,
    ayat: str = "",
    letter: str = "",
    text: str,
    bab: str = "",
    heading: str = "",
    status: str = Status.IN_FORCE,
    uncertain: bool = False,
    position: int = 0,
    key: str | None = None,
    reindex: bool = True,
) -> tuple[Article, bool]:
    """Create or update an article by its key; return it and whether anything changed."""
    key = key or "/".join(p for p in (regulation.code, str(pasal), str(ayat), letter) if p)
    values = {
        "regulation": regulation,
        "bab": bab,
        "pasal": str(pasal),
        "ayat": str(ayat or ""),
        "letter": letter or "",
        "heading": heading or "",
        "text": text,
        "status": status,
        "uncertain": uncertain,
        "position": position,
    }
    article = Article.objects.filter(key=key).first()
    if article is None:
        article = Article.objects.create(key=key, **values)
        changed = True
    else:
        changed = any(getattr(article, f) != v for f, v in values.items())
        if changed:
            for field, value in values.items():
                setattr(article, field, value)
            article.save()
    if reindex and changed:
        search.index_article(article)
    return article, changed


@transaction.atomic
def article_set_status(*, article: Article, status: str) -> Article:
    """Mark an article amended or revoked (answers citing it are flagged for review)."""
    article.status = status
    article.save(update_fields=["status"])
    search.index_article(article)
    return article
