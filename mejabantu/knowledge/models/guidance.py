"""Guidance items: questions that wait for technical guidance (juknis) from a higher office."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mejabantu.knowledge.models.answers import Answer


class PendingGuidance(models.Model):
    """A question that waits for technical guidance ("menunggu juknis: ...").

    KPU RI, or a province for its region, opens it; tickets of that office and the offices
    below link here, and their SLA clocks pause while they wait. When the issuing office
    publishes the answer (``answer_body`` with its citations) the worker sends it to every
    linked ticket as a public reply, in batches (``answered_count`` of ``linked_total``
    done), and the item is resolved once none is linked any more.
    """

    class State(models.TextChoices):
        OPEN = "open", _("waiting")
        ANSWERING = "answering", _("answer being sent")
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
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("opened by"),
    )
    answer_body = models.TextField(_("answer"), blank=True)
    # what the answer cites, as published: [{"key", "label", "url"}], regulation or article
    answer_citations = models.JSONField(_("citations"), default=list, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("answer published by"),
    )
    answered_at = models.DateTimeField(_("answer published at"), null=True, blank=True)
    linked_total = models.PositiveIntegerField(_("linked tickets"), default=0)
    answered_count = models.PositiveIntegerField(_("tickets answered"), default=0)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["state", "-created_at"]
        verbose_name = _("pending guidance")
        verbose_name_plural = _("pending guidance")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        # the item's page lives with the tickets that wait for it (the helpdesk's URLs)
        return reverse("helpdesk:guidance", kwargs={"pk": self.pk})
