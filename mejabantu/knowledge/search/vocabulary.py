"""The index's vocabulary: the surface words seen in indexed items, with their variants.

A misspelt query word is corrected to a vocabulary word one edit away from it; the variants
(``SearchTermVariant``, the word with one letter left out) find those in one query.
"""

from __future__ import annotations

import re

from django.db import connection, transaction

from mejabantu.knowledge import analyzer
from mejabantu.knowledge.models import SearchTerm, SearchTermVariant

SAFE_TOKEN = re.compile(r"^[a-z0-9_]+$")  # a token that may go into FTS and tsquery text


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


def add_vocabulary(surface: set[str]) -> None:
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
