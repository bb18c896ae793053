"""The stored codes of a ticket's channel, priority and status, with their labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Channel(models.TextChoices):
    WEB = "web", _("web")
    DESK = "desk", _("walk-in")
    PHONE = "phone", _("phone")
    EMAIL = "email", _("e-mail")
    WHATSAPP = "whatsapp", _("WhatsApp")


class Priority(models.TextChoices):
    LOW = "low", _("low")
    NORMAL = "normal", _("normal")
    HIGH = "high", _("high")
    URGENT = "urgent", _("urgent")


class Status(models.TextChoices):
    NEW = "new", _("new")
    IN_PROGRESS = "in_progress", _("in progress")
    WAITING = "waiting", _("waiting on requester")
    RESOLVED = "resolved", _("resolved")
    # In context: the offices catalogue, read first, has "closed" as "tutup" (an office's hours).
    CLOSED = "closed", pgettext_lazy("ticket status", "closed")


OPEN_STATUSES = (Status.NEW, Status.IN_PROGRESS, Status.WAITING)
# A status as the requester reads it, where it differs from the officers' word
REQUESTER_STATUS = {Status.WAITING: _("waiting for your reply")}


def status_for_requester(status: str) -> str:
    """The status's label for the one who asked ("menunggu jawaban Anda", not "menunggu
    pemohon")."""
    if status in REQUESTER_STATUS:
        return str(REQUESTER_STATUS[Status(status)])
    return str(Status(status).label) if status in Status.values else status


# The Indonesian values stored until December 2026, by field. The JSON API still accepts them
# on input for one release (see docs/api.md); remove after that.
LEGACY_VALUES = {
    "status": {
        "baru": Status.NEW,
        "diproses": Status.IN_PROGRESS,
        "menunggu": Status.WAITING,
        "selesai": Status.RESOLVED,
        "ditutup": Status.CLOSED,
    },
    "priority": {"rendah": Priority.LOW, "tinggi": Priority.HIGH, "mendesak": Priority.URGENT},
    "channel": {"meja": Channel.DESK, "telepon": Channel.PHONE},
}
