"""Stages of the election, consultation slots and bookings, events, calendar feeds, the queue."""

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Stage(models.Model):
    """A stage (tahapan) of an election with its dates, nationally or for one office.

    The 2024 dates come from PKPU 2/2024 and KPU's implementing letters (facts §6). A date
    reported differently by different sources is stored with `confirmed=False` and a note, so a
    coordinator can correct it and the timeline says it is unconfirmed.
    """

    election = models.SlugField(_("election"), max_length=40, default="pilkada-2024")
    office = models.ForeignKey(
        "offices.Office",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="stages",
        verbose_name=_("office"),
        help_text=_("Empty for a national stage that applies to every office."),
    )
    code = models.SlugField(_("code"), max_length=60)
    name = models.CharField(_("name"), max_length=200)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    hours = models.CharField(_("hours"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=200, blank=True)
    confirmed = models.BooleanField(_("confirmed"), default=True)
    note = models.TextField(_("note on the dates"), blank=True)
    only_single_candidate_regions = models.BooleanField(
        _("only in single-candidate regions"), default=False
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["starts_on", "position", "code"]
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        constraints = [
            models.UniqueConstraint(
                fields=["election", "office", "code"], name="stage_unique_per_office"
            ),
            models.UniqueConstraint(
                fields=["election", "code"],
                condition=Q(office__isnull=True),
                name="stage_unique_national",
            ),
            models.CheckConstraint(
                name="stage_ends_after_start", condition=Q(ends_on__gte=models.F("starts_on"))
            ),
        ]

    def __str__(self) -> str:
        return self.name


class SlotSettings(models.Model):
    """How an office turns its working hours into consultation slots."""

    office = models.OneToOneField(
        "offices.Office", on_delete=models.CASCADE, related_name="slot_settings"
    )
    slot_minutes = models.PositiveSmallIntegerField(_("slot length (minutes)"), default=30)
    capacity = models.PositiveSmallIntegerField(
        _("places per slot"),
        default=0,
        help_text=_("0: one place per officer on duty."),
    )
    horizon_days = models.PositiveSmallIntegerField(_("booking horizon (days)"), default=14)
    min_notice_minutes = models.PositiveSmallIntegerField(_("minimum notice (minutes)"), default=60)
    registration_slot_minutes = models.PositiveSmallIntegerField(
        _("registration-day arrival slot (minutes)"), default=60
    )
    registration_capacity = models.PositiveSmallIntegerField(
        _("arrivals per registration-day slot"), default=2
    )

    class Meta:
        ordering = ["office"]
        verbose_name = _("slot settings")
        verbose_name_plural = _("slot settings")
        constraints = [
            models.CheckConstraint(name="slot_minutes_positive", condition=Q(slot_minutes__gte=5)),
        ]

    def __str__(self) -> str:
        return f"{self.office}: {self.slot_minutes} min"


class SlotKind(models.TextChoices):
    CONSULTATION = "consultation", _("consultation")
    REGISTRATION = "registration", _("registration arrival")


# The Indonesian slot kinds stored until December 2026. The JSON API still accepts them on
# input for one release (see docs/api.md); remove after that.
LEGACY_SLOT_KINDS = {"konsultasi": SlotKind.CONSULTATION, "pendaftaran": SlotKind.REGISTRATION}


class Slot(models.Model):
    """One bookable period of an office; its places are the bookings' place numbers."""

    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="slots")
    kind = models.CharField(max_length=12, choices=SlotKind.choices, default=SlotKind.CONSULTATION)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    capacity = models.PositiveSmallIntegerField(_("places"), default=1)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("slot")
        verbose_name_plural = _("slots")
        constraints = [
            models.UniqueConstraint(fields=["office", "kind", "starts_at"], name="slot_unique"),
            models.CheckConstraint(
                name="slot_ends_after_start", condition=Q(ends_at__gt=models.F("starts_at"))
            ),
        ]

    def __str__(self) -> str:
        return f"{self.office.short_code} {self.starts_at:%Y-%m-%d %H:%M}"


class Appointment(models.Model):
    """A booked place in a slot: a consultation, or an arrival on registration day.

    The unique (slot, place) constraint among active bookings is what makes double booking
    impossible: two requests racing for the last place cannot both insert the same place.
    """

    class Status(models.TextChoices):
        REQUESTED = "requested", _("requested")
        CONFIRMED = "confirmed", _("confirmed")
        CANCELLED = "cancelled", _("cancelled")

    slot = models.ForeignKey(Slot, on_delete=models.PROTECT, related_name="appointments")
    place = models.PositiveSmallIntegerField(_("place number"))
    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="appointments",
        verbose_name=_("organisation"),
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    ticket = models.ForeignKey(
        "helpdesk.Ticket",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="appointments",
        verbose_name=_("ticket"),
    )
    topic = models.CharField(_("topic"), max_length=300, blank=True)
    pair_name = models.CharField(_("candidate pair"), max_length=200, blank=True)
    party_codes = models.JSONField(_("parties"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=14, choices=Status.choices, default=Status.REQUESTED
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["slot__starts_at", "place"]
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        constraints = [
            models.UniqueConstraint(
                fields=["slot", "place"],
                condition=~Q(status="cancelled"),
                name="appointment_one_per_place",
            ),
            models.UniqueConstraint(
                fields=["slot", "organisation"],
                condition=~Q(status="cancelled"),
                name="appointment_one_per_org_and_slot",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} @ {self.slot}"

    def get_absolute_url(self) -> str:
        return reverse("schedule:appointment", kwargs={"pk": self.pk})

    @property
    def is_active(self) -> bool:
        return self.status != self.Status.CANCELLED


class Event(models.Model):
    """A sosialisasi session, an internal working-group meeting, or the gladi bersih."""

    class Kind(models.TextChoices):
        OUTREACH = "outreach", _("outreach session")
        WORKING_GROUP = "working_group", _("working-group meeting")
        REHEARSAL = "rehearsal", _("rehearsal (gladi bersih)")

    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=14, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    location = models.CharField(_("location"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    invited = models.ManyToManyField(
        "accounts.Organisation", blank=True, related_name="events", verbose_name=_("invited")
    )
    stage_code = models.SlugField(_("stage"), max_length=60, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.UniqueConstraint(
                fields=["office", "kind", "starts_at", "title"], name="event_unique"
            ),
            models.CheckConstraint(
                name="event_ends_after_start", condition=Q(ends_at__gt=models.F("starts_at"))
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("schedule:event", kwargs={"pk": self.pk})

    @property
    def officers_only(self) -> bool:
        return self.kind == self.Kind.WORKING_GROUP


class Attendance(models.Model):
    """A person signed in at the door of an event."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="attendance")
    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("name"), max_length=150)
    arrived_at = models.DateTimeField(_("arrived at"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["arrived_at"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organisation", "name"], name="attendance_once"
            )
        ]

    def __str__(self) -> str:
        return self.name


def material_path(instance: "EventMaterial", filename: str) -> str:
    return f"schedule/events/{instance.event_id}/{filename}"


class EventMaterial(models.Model):
    """A file handed out at an event (slides, a handout)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=material_path)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def __str__(self) -> str:
        return self.title


class CalendarFeed(models.Model):
    """A secret iCalendar subscribe URL for an office or an organisation; revocable."""

    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    digest = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return f"feed {self.office} {self.organisation or ''}"

    @staticmethod
    def digest_of(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()


class QueueService(models.TextChoices):
    CONSULTATION = "K", _("consultation")
    DOCUMENTS = "D", _("document submission")


class QueueNumber(models.Model):
    """A walk-in queue number (K-007) issued at the desk; served visitors become tickets."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("waiting")
        CALLED = "called", _("called")
        SERVED = "served", _("served")
        SKIPPED = "skipped", _("did not come")

    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="+")
    service = models.CharField(_("service"), max_length=1, choices=QueueService.choices)
    day = models.DateField(_("day"))
    number = models.PositiveIntegerField(_("number"))
    visitor_name = models.CharField(_("visitor"), max_length=150, blank=True)
    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WAITING)
    issued_at = models.DateTimeField(default=timezone.now)
    called_at = models.DateTimeField(null=True, blank=True)
    served_at = models.DateTimeField(null=True, blank=True)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    desk = models.CharField(_("desk"), max_length=20, blank=True)
    ticket = models.ForeignKey(
        "helpdesk.Ticket", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["day", "service", "number"]
        verbose_name = _("queue number")
        verbose_name_plural = _("queue numbers")
        constraints = [
            models.UniqueConstraint(
                fields=["office", "day", "service", "number"], name="queue_unique"
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return f"{self.service}-{self.number:03d}"
