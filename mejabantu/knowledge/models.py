"""Regulations and their articles, FAQ answers that cite them, announcements, pending guidance.

The search index (``SearchEntry`` plus a vendor table: SQLite FTS5 or a PostgreSQL tsvector
column) holds only published items, as analyzed tokens; see the ``search`` package.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    """Legal status of a regulation or an article."""

    IN_FORCE = "in_force", _("in force")
    AMENDED = "amended", _("amended")
    REVOKED = "revoked", _("revoked")


class Regulation(models.Model):
    """A legal instrument: a statute, a PKPU, a KPU decision, a court decision, a circular."""

    class Kind(models.TextChoices):
        UU = "uu", _("Law (UU)")
        PKPU = "pkpu", _("KPU Regulation (PKPU)")
        KEPUTUSAN = "keputusan", _("KPU Decision")
        PUTUSAN_MK = "putusan_mk", _("Constitutional Court decision")
        SURAT_EDARAN = "surat_edaran", _("Circular letter")

    code = models.SlugField(_("code"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=14, choices=Kind.choices)
    number = models.CharField(_("number"), max_length=40)
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=500)
    date = models.DateField(_("date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.IN_FORCE
    )
    amended_by = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="amends",
        verbose_name=_("amended by"),
    )
    uncertain = models.BooleanField(_("unconfirmed"), default=False)
    note = models.TextField(_("note"), blank=True)
    source_hash = models.CharField(max_length=64, blank=True, editable=False)
    imported_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-year", "kind", "number"]
        verbose_name = _("regulation")
        verbose_name_plural = _("regulations")

    def __str__(self) -> str:
        return self.short_name

    def get_absolute_url(self) -> str:
        return reverse("knowledge:regulation", kwargs={"code": self.code})

    @property
    def short_name(self) -> str:
        labels = {
            "uu": "UU",
            "pkpu": "PKPU",
            "keputusan": "Keputusan KPU",
            "putusan_mk": "Putusan MK",
            "surat_edaran": "Surat Edaran",
        }
        return f"{labels.get(self.kind, self.kind)} {self.number}/{self.year}"


class Article(models.Model):
    """A pasal, an ayat or a letter (huruf) of a regulation, addressed by a stable key.

    Keys read ``regulation/pasal[/ayat[/letter]]``, e.g. ``uu-10-2016/7/2/e``.
    """

    key = models.CharField(_("key"), max_length=120, unique=True)
    regulation = models.ForeignKey(
        Regulation, on_delete=models.CASCADE, related_name="articles", verbose_name=_("regulation")
    )
    bab = models.CharField(_("chapter (bab)"), max_length=10, blank=True)
    pasal = models.CharField(_("article (pasal)"), max_length=10)
    ayat = models.CharField(_("paragraph (ayat)"), max_length=10, blank=True)
    letter = models.CharField(_("letter (huruf)"), max_length=4, blank=True)
    heading = models.CharField(_("heading"), max_length=300, blank=True)
    text = models.TextField(_("text"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.IN_FORCE
    )
    uncertain = models.BooleanField(_("unconfirmed"), default=False)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["regulation", "position", "key"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def __str__(self) -> str:
        return f"{self.regulation.short_name} {self.reference}"

    def get_absolute_url(self) -> str:
        return reverse("knowledge:article", kwargs={"key": self.key})

    @property
    def reference(self) -> str:
        """The article's citation, e.g. 'Pasal 7 ayat (2) huruf e'."""
        text = f"Pasal {self.pasal}"
        if self.ayat:
            text += f" ayat ({self.ayat})"
        if self.letter:
            text += f" huruf {self.letter}"
        return text


class Answer(models.Model):
    """A published answer to a frequent question, citing the articles it rests on.

    An answer published by an office is shown in that office and every office below it.
    """

    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        SUPERSEDED = "superseded", _("superseded")

    slug = models.SlugField(_("code"), max_length=120, unique=True)
    question = models.CharField(_("question"), max_length=500)
    body = models.TextField(_("answer"))
    category = models.SlugField(_("category"), max_length=40)
    stage = models.SlugField(_("stage"), max_length=40, blank=True)
    state = models.CharField(_("status"), max_length=10, choices=State.choices, default=State.DRAFT)
    office = models.ForeignKey(
        "offices.Office",
        on_delete=models.PROTECT,
        related_name="answers",
        verbose_name=_("publishing office"),
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    parameters = models.JSONField(_("rule-set parameters"), default=list, blank=True)
    uncertain = models.BooleanField(_("unconfirmed"), default=False)
    uncertain_note = models.TextField(_("what is unconfirmed"), blank=True)
    superseded_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supersedes",
        verbose_name=_("superseded by"),
    )
    version = models.PositiveIntegerField(default=0)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["category", "question"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.CheckConstraint(
                name="answer_valid_range",
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_from__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
            )
        ]

    def __str__(self) -> str:
        return self.question

    def get_absolute_url(self) -> str:
        return reverse("knowledge:answer", kwargs={"slug": self.slug})


class Citation(models.Model):
    """An answer's reference to an article, or to a whole regulation (``article`` empty)."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="citations")
    regulation = models.ForeignKey(Regulation, on_delete=models.PROTECT, related_name="+")
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.PROTECT, related_name="citations"
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["answer", "position"]
        verbose_name = _("citation")
        verbose_name_plural = _("citations")

    def __str__(self) -> str:
        return self.label

    @property
    def key(self) -> str:
        return self.article.key if self.article_id else self.regulation.code

    @property
    def label(self) -> str:
        if self.article_id:
            return f"{self.article.reference} {self.regulation.short_name}"
        return self.regulation.short_name

    @property
    def status(self) -> str:
        return self.article.status if self.article_id else self.regulation.status

    @property
    def status_label(self) -> str:
        return str(Status(self.status).label)

    @property
    def url(self) -> str:
        return (self.article if self.article_id else self.regulation).get_absolute_url()


class AnswerVersion(models.Model):
    """A published state of an answer, kept when it is published or changed, with the reason."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    question = models.CharField(max_length=500)
    body = models.TextField()
    citations = models.JSONField(default=list)
    reason = models.TextField(_("reason for change"))
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["answer", "-number"]
        verbose_name = _("answer version")
        verbose_name_plural = _("answer versions")
        constraints = [
            models.UniqueConstraint(fields=["answer", "number"], name="answer_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.answer.slug} v{self.number}"


class AnswerFeedback(models.Model):
    """A reader said the answer answered their question ("Ini menjawab pertanyaan saya")."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="feedback")
    office = models.ForeignKey(
        "offices.Office", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    query = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("helpful vote")
        verbose_name_plural = _("helpful votes")

    def __str__(self) -> str:
        return f"{self.answer.slug} @ {self.created_at:%Y-%m-%d}"


class Announcement(models.Model):
    """Outreach (sosialisasi) material published by an office, with attachments."""

    slug = models.SlugField(_("code"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text"), blank=True)
    office = models.ForeignKey(
        "offices.Office",
        on_delete=models.PROTECT,
        related_name="announcements",
        verbose_name=_("office"),
    )
    held_on = models.DateField(_("held on"), null=True, blank=True)
    published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-created_at"]
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:announcement", kwargs={"slug": self.slug})


class AnnouncementAttachment(models.Model):
    announcement = models.ForeignKey(
        Announcement, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to="knowledge/announcements/%Y/")
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["announcement", "name"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.name


class PendingGuidance(models.Model):
    """A question that waits for technical guidance ("menunggu juknis: ...").

    Helpdesk tickets link here; when the guidance arrives, the item is resolved with the
    answer that settles it.
    """

    class State(models.TextChoices):
        OPEN = "open", _("waiting")
        RESOLVED = "resolved", _("resolved")

    title = models.CharField(_("waiting for"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    office = models.ForeignKey(
        "offices.Office",
        on_delete=models.PROTECT,
        related_name="pending_guidance",
        verbose_name=_("office"),
    )
    state = models.CharField(_("status"), max_length=10, choices=State.choices, default=State.OPEN)
    resolved_by = models.ForeignKey(
        Answer,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resolves",
        verbose_name=_("answered by"),
    )
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["state", "-created_at"]
        verbose_name = _("pending guidance")
        verbose_name_plural = _("pending guidance")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:pending_guidance") + f"#juknis-{self.pk}"


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
