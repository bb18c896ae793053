"""A ticket's hops between the offices of the network: escalated up a tier, forwarded to the
competent office, or returned to the office where it was asked (helpdesk.services.network)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TicketHop(models.Model):
    """One hand-over of a ticket from the office handling it to another; append-only."""

    class Kind(models.TextChoices):
        ESCALATE = "escalate", _("escalated")
        FORWARD = "forward", _("forwarded")
        RETURN = "return", _("returned")

    ticket = models.ForeignKey(
        "helpdesk.Ticket", on_delete=models.CASCADE, related_name="hops", verbose_name=_("ticket")
    )
    from_office = models.ForeignKey(
        "offices.Office",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("from office"),
    )
    to_office = models.ForeignKey(
        "offices.Office",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("to office"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    reason = models.TextField(_("reason"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )
    actor_name = models.CharField(_("by"), max_length=150)
    created_at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("ticket hop")
        verbose_name_plural = _("ticket hops")
        indexes = [models.Index(fields=["ticket", "created_at"], name="hop_ticket_time")]
        constraints = [
            models.CheckConstraint(
                name="hop_moves_to_another_office",
                condition=~models.Q(from_office=models.F("to_office")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.ticket_id}: {self.from_office_id} → {self.to_office_id} ({self.kind})"
