"""FAQ answers that cite regulations and articles, their versions and helpful votes."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mejabantu.knowledge.models.regulations import (
    SUPERSEDED_ARTICLE_STATUSES,
    SUPERSEDED_REGULATION_STATUSES,
    Article,
    Regulation,
    Status,
)


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


def citation_needs_review(
    *, context: bool, article_status: str | None, regulation_status: str
) -> bool:
    """Whether a citation puts its answer under review (one rule for pages, search and lists)."""
    if context:
        return False
    if article_status is not None:
        return article_status in SUPERSEDED_ARTICLE_STATUSES
    return regulation_status in SUPERSEDED_REGULATION_STATUSES


class Citation(models.Model):
    """An answer's reference to an article, or to a whole regulation (``article`` empty)."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="citations")
    regulation = models.ForeignKey(Regulation, on_delete=models.PROTECT, related_name="+")
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.PROTECT, related_name="citations"
    )
    position = models.PositiveSmallIntegerField(default=0)
    context = models.BooleanField(
        _("cited as history or context"),
        default=False,
        help_text=_(
            "The answer cites this text to explain what the rule was, not as the rule in force: "
            "its being amended or revoked does not put the answer under review."
        ),
    )

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
    def needs_review(self) -> bool:
        """The answer relies on this text as in force, and the text is superseded."""
        return citation_needs_review(
            context=self.context,
            article_status=self.article.status if self.article_id else None,
            regulation_status=self.regulation.status,
        )

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
