"""The search index (published items as analyzed tokens), its vocabulary, and searches
without result. The vendor table (SQLite FTS5 or a PostgreSQL tsvector column) mirrors
``SearchEntry``; see the ``search`` package."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UnansweredSearch(models.Model):
    """A search that found nothing, for the coordinator to write the missing answer."""

    query = models.CharField(max_length=300)
    office = models.ForeignKey(
        "offices.Office", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source = models.CharField(max_length=20, default="web")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("search without result")
        verbose_name_plural = _("searches without result")

    def __str__(self) -> str:
        return self.query


class SearchEntry(models.Model):
    """One published, searchable item as analyzed tokens (answers and articles).

    The vendor table mirrors it: ``knowledge_search_fts`` (SQLite FTS5, rowid = id) or the
    ``vector`` tsvector column added by migration on PostgreSQL.
    """

    kind = models.CharField(max_length=12)
    key = models.CharField(max_length=130)
    object_id = models.BigIntegerField()
    office = models.ForeignKey(
        "offices.Office", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    category = models.CharField(max_length=40, blank=True)
    stage = models.CharField(max_length=40, blank=True)
    regulations = models.CharField(max_length=500, blank=True)
    title_tokens = models.TextField()
    body_tokens = models.TextField()
    title_length = models.PositiveIntegerField(default=0)
    body_length = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["kind", "key"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="search_entry_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.key}"


class SearchTerm(models.Model):
    """A surface word seen in the index, for correcting misspelt query words."""

    word = models.CharField(max_length=60, unique=True)

    class Meta:
        ordering = ["word"]

    def __str__(self) -> str:
        return self.word


class SearchTermVariant(models.Model):
    """A vocabulary word with one letter left out, and the word (for words of 5+ letters).

    Every word one edit away from a misspelt query word either is that word with one letter
    left out or has a variant that is, so a few index lookups find them all, instead of asking
    for each of the hundreds of strings one edit away (the SymSpell idea).
    """

    variant = models.CharField(max_length=60)
    word = models.CharField(max_length=60)

    class Meta:
        ordering = ["variant", "word"]
        constraints = [
            models.UniqueConstraint(fields=["variant", "word"], name="search_term_variant_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.variant} → {self.word}"


class IndexTerm(models.Model):
    """How many indexed items contain a token: BM25's document frequency, the same on every
    database because we keep it ourselves."""

    term = models.CharField(max_length=130, unique=True)
    doc_freq = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["term"]

    def __str__(self) -> str:
        return f"{self.term} ({self.doc_freq})"
