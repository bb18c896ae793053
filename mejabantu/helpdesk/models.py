"""Tickets, their messages and attachments, the audit trail and the desk's settings (a ticket's
hops between offices: models_network)."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mejabantu.core.models import PageVersions
from mejabantu.helpdesk.choices import OPEN_STATUSES, Channel, Priority, Status
from mejabantu.helpdesk.models_network import TicketHop  # noqa: F401 - a model of this app


class Category(models.Model):
    """A ticket category with a stable code; office-less categories apply everywhere."""

    office = models.ForeignKey(
        "offices.Office",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="ticket_categories",
        verbose_name=_("office"),
        help_text=_("Empty: a category every office uses."),
    )
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=100)
    position = models.PositiveSmallIntegerField(_("position"), default=100)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        constraints = [
            models.UniqueConstraint(fields=["office", "code"], name="category_code_per_office"),
            models.UniqueConstraint(
                fields=["code"],
                condition=models.Q(office__isnull=True),
                name="global_category_code_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.name


HANDED_ON = ~models.Q(handling_office=models.F("office"))  # escalated or forwarded, not back
IN_QUEUE = models.Q(queue_rank__isnull=False)  # open: only open tickets have a queue rank


class Ticket(PageVersions):
    """A question asked of one office (``office``), by an organisation or a member of the
    public, handled now by ``handling_office``: the same office, or the one it was escalated
    or forwarded to (TicketHop)."""

    VERSION_FIELDS = ("page_version",)

    office = models.ForeignKey(
        "offices.Office",
        on_delete=models.PROTECT,
        related_name="tickets",
        verbose_name=_("office"),
    )
    handling_office = models.ForeignKey(
        "offices.Office",
        on_delete=models.PROTECT,
        related_name="handled_tickets",
        verbose_name=_("handling office"),
    )
    reference = models.CharField(_("reference"), max_length=30, unique=True)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tickets",
        verbose_name=_("organisation"),
    )
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="requested_tickets",
        verbose_name=_("requester"),
    )
    requester_name = models.CharField(_("requester name"), max_length=150)
    requester_email = models.EmailField(_("requester e-mail"), blank=True)
    requester_phone = models.CharField(_("requester phone"), max_length=40, blank=True)
    public_token_digest = models.CharField(max_length=64, blank=True, db_index=True)
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="tickets", verbose_name=_("category")
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("question"))
    channel = models.CharField(
        _("channel"), max_length=10, choices=Channel.choices, default=Channel.WEB
    )
    priority = models.CharField(
        _("priority"), max_length=10, choices=Priority.choices, default=Priority.NORMAL
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NEW
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_tickets",
        verbose_name=_("assignee"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logged by"),
    )
    received_at = models.DateTimeField(_("received at"), default=timezone.now)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    first_response_at = models.DateTimeField(_("first response at"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_from",
        verbose_name=_("merged into"),
    )
    pending_guidance = models.ForeignKey(
        "knowledge.PendingGuidance",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tickets",
        verbose_name=_("waiting for guidance"),
    )
    # of what officers edit: a stale form conflicts
    version = models.PositiveIntegerField(default=1)
    page_version = models.PositiveBigIntegerField(default=0, editable=False)  # core.page_cache
    idempotency_key = models.UUIDField(null=True, blank=True, unique=True)
    message_count = models.PositiveIntegerField(default=0)
    # SLA clocks, counted in the office's working time (mejabantu.offices.sla).
    first_response_due = models.DateTimeField(_("first response due"), null=True, blank=True)
    resolution_due = models.DateTimeField(_("resolution due"), null=True, blank=True)
    sla_due = models.DateTimeField(_("next due"), null=True, blank=True)
    sla_state = models.CharField(_("SLA state"), max_length=10, blank=True)
    sla_elapsed_minutes = models.PositiveIntegerField(_("working minutes elapsed"), default=0)
    sla_next_check = models.DateTimeField(null=True, blank=True, db_index=True)
    # Position in the open queues: the next due time (or, without an SLA, the time received
    # a century later, so those follow in arrival order); empty once the ticket is resolved.
    queue_rank = models.DateTimeField(null=True, blank=True, editable=False)
    rating = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True)
    rating_comment = models.TextField(_("rating comment"), blank=True)
    rated_at = models.DateTimeField(_("rated at"), null=True, blank=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("ticket")
        verbose_name_plural = _("tickets")
        indexes = [
            models.Index(fields=["office", "status", "-received_at"], name="ticket_office_status"),
            models.Index(fields=["office", "assignee", "status"], name="ticket_office_assignee"),
            models.Index(fields=["organisation", "-received_at"], name="ticket_org_received"),
            models.Index(fields=["office", "-received_at"], name="ticket_office_received"),
            models.Index(fields=["office", "queue_rank", "id"], name="ticket_office_queue"),
            # the few tickets handled by another office than the one asked (office_queue)
            models.Index(
                fields=["office", "queue_rank", "id"], name="ticket_away_queue", condition=HANDED_ON
            ),
            models.Index(
                fields=["office", "-received_at"], name="ticket_away_received", condition=HANDED_ON
            ),
            models.Index(
                fields=["handling_office", "queue_rank", "id"],
                name="ticket_in_queue",
                condition=HANDED_ON,
            ),
            models.Index(
                fields=["handling_office", "-received_at"],
                name="ticket_in_received",
                condition=HANDED_ON,
            ),
            # every office's tickets newest first: the API list of KPU RI and administrators
            models.Index(fields=["-received_at", "-id"], name="ticket_received"),
            # the open queues of one person ("mine", the assignee filter) or organisation
            models.Index(
                fields=["assignee", "queue_rank", "id"],
                name="ticket_assignee_queue",
                condition=IN_QUEUE,
            ),
            models.Index(
                fields=["organisation", "queue_rank", "id"],
                name="ticket_org_queue",
                condition=IN_QUEUE,
            ),
            # desks at a glance: open tickets counted by handling office, from the index alone
            models.Index(
                fields=["handling_office"],
                include=["sla_due", "sla_state", "pending_guidance", "id"],
                name="ticket_open_desk",
                condition=IN_QUEUE,
            ),
        ]
        constraints = [
            models.CheckConstraint(
                name="rating_between_1_and_5",
                condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=5),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.subject}"

    def get_absolute_url(self) -> str:
        return reverse("helpdesk:detail", kwargs={"reference": self.reference})

    def save(self, *args, **kwargs):
        if self.handling_office_id is None:  # a new ticket is handled where it is asked
            self.handling_office_id = self.office_id
        super().save(*args, **kwargs)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_handed_on(self) -> bool:
        """Handled by another office than the one where it was asked."""
        return self.handling_office_id != self.office_id


class Message(models.Model):
    """A public reply (the requester sees it) or an internal note (officers only)."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author_name = models.CharField(_("author"), max_length=150)
    from_requester = models.BooleanField(_("from the requester"), default=False)
    internal = models.BooleanField(_("internal note"), default=False)
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        constraints = [
            models.CheckConstraint(
                name="requester_messages_are_public",
                condition=~models.Q(from_requester=True, internal=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.ticket.reference} #{self.pk}"


def attachment_path(instance: "Attachment", filename: str) -> str:
    # The stored name never comes from the user.
    return f"attachments/{timezone.now():%Y/%m}/{uuid.uuid4().hex}"


class Attachment(models.Model):
    """A file on a ticket or a message, kept outside the static files, served with a check."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(
        Message, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("helpdesk:attachment", kwargs={"pk": self.pk})


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("Audit events are never edited.")

    def delete(self):
        raise PermissionError("Audit events are never deleted.")


class AuditEvent(models.Model):
    """One change to a ticket: who, when, what before and after. Append-only."""

    ticket = models.ForeignKey(Ticket, on_delete=models.PROTECT, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(max_length=150)
    action = models.CharField(max_length=30)
    changes = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self) -> str:
        return f"{self.ticket_id} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Audit events are never edited.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Audit events are never deleted.")


class SlaWarning(models.Model):
    """One warning sent for one clock and threshold of a ticket; the constraint makes the
    sweep idempotent even with several workers."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="sla_warnings")
    clock = models.CharField(max_length=20)  # first_response | resolution
    threshold = models.CharField(max_length=10)  # warning | breached
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["ticket", "clock", "threshold"], name="one_warning_per_threshold"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.ticket_id} {self.clock} {self.threshold}"


class ReferenceCounter(models.Model):
    """The last reference number issued per office and year (BLT-2024-000042)."""

    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["office", "year"]
        constraints = [
            models.UniqueConstraint(fields=["office", "year"], name="one_counter_per_office_year")
        ]

    def __str__(self) -> str:
        return f"{self.office_id}/{self.year}: {self.last}"


class RoundRobin(models.Model):
    """Who got the last automatically assigned ticket in an office."""

    office = models.OneToOneField("offices.Office", on_delete=models.CASCADE, related_name="+")
    last_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["office"]

    def __str__(self) -> str:
        return f"round robin of {self.office_id}"


class CannedAnswer(models.Model):
    """A prepared reply officers insert and adapt."""

    office = models.ForeignKey(
        "offices.Office",
        on_delete=models.CASCADE,
        related_name="canned_answers",
        verbose_name=_("office"),
    )
    title = models.CharField(_("title"), max_length=150)
    body = models.TextField(_("text"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title"]
        verbose_name = _("canned answer")
        verbose_name_plural = _("canned answers")

    def __str__(self) -> str:
        return self.title
