"""What WhatsApp sent us (each webhook delivery as received, each message once) and the
outbox of what we send. Offices are named by their code, a string: this app knows no other."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class WebhookEvent(models.Model):
    """One webhook delivery, stored as received; the worker takes it in."""

    class State(models.TextChoices):
        PENDING = "pending", _("pending")
        WORKING = "working", _("being taken in")
        DONE = "done", _("taken in")
        FAILED = "failed", _("failed")

    account = models.CharField(_("office"), max_length=20)  # the office's code
    body = models.BinaryField()
    received_at = models.DateTimeField(_("received at"), default=timezone.now)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["received_at", "id"]
        indexes = [models.Index(fields=["state", "next_attempt_at"], name="wa_event_due")]
        verbose_name = _("WhatsApp webhook delivery")
        verbose_name_plural = _("WhatsApp webhook deliveries")

    def __str__(self) -> str:
        return f"{self.account}: {self.received_at:%Y-%m-%d %H:%M:%S}"


class IncomingMessage(models.Model):
    """A message a number sent to an office's WhatsApp, taken in once by its id (wamid)."""

    class Outcome(models.TextChoices):
        TICKET = "ticket", _("new ticket")
        REPLY = "reply", _("added to a ticket")
        UNSUPPORTED = "unsupported", _("ignored: a kind of message not taken in")
        REFUSED = "refused", _("refused")

    account = models.CharField(_("office"), max_length=20)
    wamid = models.CharField(max_length=200)
    sender = models.CharField(_("sender"), max_length=20)  # the number, digits only: 6281...
    profile_name = models.CharField(_("profile name"), max_length=150, blank=True)
    kind = models.CharField(_("kind"), max_length=20)  # text, image, document, ...
    sent_at = models.DateTimeField(_("sent at"))  # WhatsApp's time: the 24-hour window's start
    received_at = models.DateTimeField(_("received at"), default=timezone.now)
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices)
    note = models.TextField(_("note"), blank=True)
    topic = models.CharField(_("topic"), max_length=100, blank=True)  # "ticket:42"

    class Meta:
        ordering = ["-received_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["account", "wamid"], name="wa_in_once")]
        indexes = [
            models.Index(fields=["account", "sender", "sent_at"], name="wa_in_sender"),
        ]
        verbose_name = _("incoming WhatsApp message")
        verbose_name_plural = _("incoming WhatsApp messages")

    def __str__(self) -> str:
        return f"{self.account}: {self.sender}: {self.kind}"


class OutgoingMessage(models.Model):
    """A message to send through the Graph API; the worker sends it and retries failures.

    Sent as text while the recipient's last message is under 24 hours old, else as the
    approved template with ``template_params`` (none: the message waits for no template and
    fails)."""

    class State(models.TextChoices):
        PENDING = "pending", _("pending")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    class Delivery(models.TextChoices):
        NONE = "", _("not yet known")
        SENT = "sent", _("sent")
        DELIVERED = "delivered", _("delivered")
        READ = "read", _("read")
        FAILED = "failed", _("not delivered")

    account = models.CharField(_("office"), max_length=20)
    to = models.CharField(_("to"), max_length=20)
    body = models.TextField(_("text"))
    template_params = models.JSONField(default=list, blank=True)
    topic = models.CharField(_("topic"), max_length=100, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    sent_as = models.CharField(max_length=10, blank=True)  # "text" or "template"
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    wamid = models.CharField(max_length=200, blank=True, db_index=True)
    delivery = models.CharField(
        _("delivery"), max_length=10, choices=Delivery.choices, default="", blank=True
    )
    delivered_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["state", "next_attempt_at"], name="wa_out_due"),
            models.Index(fields=["topic", "created_at"], name="wa_out_topic"),
        ]
        verbose_name = _("outgoing WhatsApp message")
        verbose_name_plural = _("outgoing WhatsApp messages")

    def __str__(self) -> str:
        return f"{self.account} → {self.to}: {self.body[:40]}"
