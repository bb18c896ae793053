"""The outbox: one row per notification, written with the change it reports; and the mails
received, one row each, so that none is taken in twice."""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutgoingMail(models.Model):
    """A notification to send; the worker delivers it and retries failures."""

    class State(models.TextChoices):
        PENDING = "pending", _("pending")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    # What the mail is about, as "<kind>:<id>" (a ticket's mails carry "ticket:42"); a string,
    # so the outbox knows no app that queues into it.
    topic = models.CharField(_("topic"), max_length=100, blank=True)
    to = models.EmailField()
    subject = models.CharField(max_length=250)
    body = models.TextField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    dedupe_key = models.CharField(max_length=120, null=True, blank=True, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    # Threading: the Message-ID this mail goes out with (a reply to it names it in In-Reply-To
    # or References), where the answer should go, and whether a machine writes it (RFC 3834)
    message_id = models.CharField(max_length=250, blank=True, db_index=True)
    reply_to = models.EmailField(blank=True)
    automatic = models.BooleanField(default=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["state", "next_attempt_at"], name="outbox_due"),
            models.Index(fields=["topic", "created_at"], name="outbox_topic"),
        ]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")

    def __str__(self) -> str:
        return f"{self.to}: {self.subject}"


def raw_mail_path(instance: "IncomingMail", filename: str) -> str:
    return f"mail/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.eml"


class IncomingMail(models.Model):
    """A mail that reached a mailbox, kept as received, and what became of it."""

    class Outcome(models.TextChoices):
        TICKET = "ticket", _("new ticket")
        REPLY = "reply", _("added to a ticket")
        AUTOMATIC = "automatic", _("ignored: sent by a machine")
        OWN = "own", _("ignored: sent by the office itself")
        LIMITED = "limited", _("ignored: too many mails from this sender")
        REFUSED = "refused", _("refused")

    # the mailbox's name (an office's code): a string, so that mail knows no other app
    mailbox = models.CharField(_("mailbox"), max_length=20)
    message_id = models.CharField(max_length=250)
    sender = models.CharField(_("sender"), max_length=254, blank=True)
    subject = models.CharField(_("subject"), max_length=250, blank=True)
    raw = models.FileField(upload_to=raw_mail_path)
    received_at = models.DateTimeField(_("received at"), default=timezone.now)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    note = models.TextField(_("note"), blank=True)
    topic = models.CharField(_("topic"), max_length=100, blank=True)  # "ticket:42"

    class Meta:
        ordering = ["-received_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["mailbox", "message_id"], name="mail_in_once")
        ]
        indexes = [
            models.Index(fields=["mailbox", "sender", "received_at"], name="mail_in_sender"),
            models.Index(fields=["topic"], name="mail_in_topic"),
        ]
        verbose_name = _("incoming e-mail")
        verbose_name_plural = _("incoming e-mails")

    def __str__(self) -> str:
        return f"{self.mailbox}: {self.sender}: {self.subject}"
