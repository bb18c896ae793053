"""Regions (Kemendagri codes), the KPU offices that serve them, and their working time."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mejabantu.core.models import PageVersions


class TimeZone(models.TextChoices):
    """Indonesia's three time zones, by province (WIB west, WITA centre, WIT east)."""

    WIB = "Asia/Jakarta", "WIB"
    WITA = "Asia/Makassar", "WITA"
    WIT = "Asia/Jayapura", "WIT"


class Region(models.Model):
    """An administrative region addressed by its Kemendagri code (e.g. 19.02)."""

    class Level(models.TextChoices):
        NATIONAL = "nasional", _("national")
        PROVINCE = "provinsi", _("province")
        REGENCY = "kabupaten", _("regency")
        CITY = "kota", _("city")
        DISTRICT = "kecamatan", _("district")

    code = models.CharField(_("Kemendagri code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=150)
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("parent region"),
    )
    timezone = models.CharField(
        _("time zone"),
        max_length=20,
        choices=TimeZone.choices,
        blank=True,
        help_text=_("The province's time zone; blank for the nation."),
    )
    pilkada_2024 = models.BooleanField(
        _("held Pilkada 2024"),
        default=False,
        help_text=_("Whether the region elected its head in the 2024 simultaneous Pilkada."),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Office(PageVersions):
    """A KPU office: KPU RI, a provincial KPU, or a KPU of a regency or city."""

    VERSION_FIELDS = ("tickets_version", "setup_version")

    class Level(models.TextChoices):
        RI = "ri", _("KPU RI")
        PROVINCE = "provinsi", _("provincial KPU")
        REGENCY = "kabupaten", _("regency KPU")
        CITY = "kota", _("city KPU")

    TimeZone = TimeZone

    code = models.CharField(
        _("code"),
        max_length=20,
        unique=True,
        help_text=_("The region's Kemendagri code, or 'ri' for KPU RI."),
    )
    name = models.CharField(_("name"), max_length=150)
    short_code = models.CharField(
        _("reference prefix"),
        max_length=8,
        unique=True,
        help_text=_("Prefix of ticket references, e.g. BLT for BLT-2024-000042."),
    )
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    region = models.OneToOneField(
        Region,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="office",
        verbose_name=_("region"),
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("parent office"),
    )
    timezone = models.CharField(
        _("time zone"), max_length=20, choices=TimeZone.choices, default=TimeZone.WIB
    )
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    whatsapp = models.CharField(_("WhatsApp"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    helpdesk_intro = models.TextField(_("how to ask (intro text)"), blank=True)
    auto_assign = models.BooleanField(
        _("assign new tickets automatically (round robin)"), default=False
    )
    hours_confirmed = models.BooleanField(
        _("service hours confirmed by the office"),
        default=False,
        help_text=_("Leave unticked while the hours are derived, not published by the office."),
    )
    hours_version = models.PositiveIntegerField(
        _("version of the working-time settings"), default=0, editable=False
    )
    # what the office's cached pages show (core.page_cache): any of its tickets, its setup
    tickets_version = models.PositiveBigIntegerField(default=0, editable=False)
    setup_version = models.PositiveBigIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["code"]
        verbose_name = _("office")
        verbose_name_plural = _("offices")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("offices:detail", kwargs={"code": self.code})

    @property
    def timezone_label(self) -> str:
        return self.TimeZone(self.timezone).label

    def ancestors(self) -> list["Office"]:
        """Return the parent chain, nearest first (e.g. province, then KPU RI)."""
        chain: list[Office] = []
        node = self.parent
        while node is not None and len(chain) < 5:
            chain.append(node)
            node = node.parent
        return chain


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class ServiceHours(models.Model):
    """One span of the office's regular week; a day may have several (e.g. a lunch break)."""

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="service_hours", verbose_name=_("office")
    )
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    start = models.TimeField(_("opens"))
    end = models.TimeField(_("closes"))

    class Meta:
        ordering = ["office", "weekday", "start"]
        verbose_name = _("service hours")
        verbose_name_plural = _("service hours")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="service_hours_end_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.start:%H.%M}–{self.end:%H.%M}"


class Closure(models.Model):
    """A date the desk is closed (collective leave, a local closure), whole day or partly."""

    class Kind(models.TextChoices):
        COLLECTIVE_LEAVE = "collective_leave", _("collective leave (cuti bersama)")
        HOLIDAY = "holiday", _("holiday")
        CLOSURE = "closure", _("local closure")

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="closures", verbose_name=_("office")
    )
    date = models.DateField(_("date"))
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.CLOSURE)
    start = models.TimeField(_("closed from"), null=True, blank=True)
    end = models.TimeField(_("closed until"), null=True, blank=True)

    class Meta:
        ordering = ["office", "date", "start"]
        verbose_name = _("closure")
        verbose_name_plural = _("closures")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start__isnull=True, end__isnull=True)
                | models.Q(start__isnull=False, end__isnull=False, end__gt=models.F("start")),
                name="closure_whole_day_or_span",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.name}"

    @property
    def whole_day(self) -> bool:
        return self.start is None


class HoursOverride(models.Model):
    """Weekly hours for a date range that replace the regular week, e.g. Ramadan hours."""

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="hours_overrides", verbose_name=_("office")
    )
    name = models.CharField(_("name"), max_length=120)
    first_day = models.DateField(_("first day"))
    last_day = models.DateField(_("last day"))
    weekly = models.JSONField(
        _("hours per weekday"),
        default=dict,
        help_text=_(
            'Weekday number (0 = Monday) to spans, e.g. {"0": "08.00–12.00, 12.30–15.00"}.'
        ),
    )

    class Meta:
        ordering = ["office", "first_day"]
        verbose_name = _("dated hours")
        verbose_name_plural = _("dated hours")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(last_day__gte=models.F("first_day")),
                name="hours_override_last_after_first",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.first_day}–{self.last_day})"


class SpecialDay(models.Model):
    """A date whose hours replace the week: a registration day, a weekend opening."""

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="special_days", verbose_name=_("office")
    )
    date = models.DateField(_("date"))
    name = models.CharField(_("name"), max_length=120)
    hours = models.CharField(
        _("hours"), max_length=120, help_text=_("For example 08.00–16.00, or 08.00–23.59.")
    )
    confirmed = models.BooleanField(_("confirmed"), default=True)

    class Meta:
        ordering = ["office", "date"]
        verbose_name = _("special day")
        verbose_name_plural = _("special days")
        constraints = [
            models.UniqueConstraint(fields=["office", "date"], name="special_day_once_per_date"),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.name}"


class SlaPolicy(models.Model):
    """Response targets of an office, in working minutes, by ticket category and priority.

    A blank category or priority matches any; the most specific policy wins.
    """

    class Priority(models.TextChoices):
        LOW = "low", _("low")
        NORMAL = "normal", _("normal")
        HIGH = "high", _("high")
        URGENT = "urgent", _("urgent")

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="sla_policies", verbose_name=_("office")
    )
    category_code = models.CharField(
        _("category"), max_length=40, blank=True, help_text=_("Blank applies to any category.")
    )
    priority = models.CharField(
        _("priority"),
        max_length=10,
        choices=Priority.choices,
        blank=True,
        help_text=_("Blank applies to any priority."),
    )
    first_response_minutes = models.PositiveIntegerField(
        _("first response within (working minutes)")
    )
    resolution_minutes = models.PositiveIntegerField(_("resolution within (working minutes)"))
    warning_percent = models.PositiveSmallIntegerField(
        _("warn at (percent of the target)"), default=75
    )

    class Meta:
        ordering = ["office", "category_code", "priority"]
        verbose_name = _("SLA policy")
        verbose_name_plural = _("SLA policies")
        constraints = [
            models.UniqueConstraint(
                fields=["office", "category_code", "priority"], name="sla_policy_unique_scope"
            ),
            models.CheckConstraint(
                condition=models.Q(first_response_minutes__gt=0, resolution_minutes__gt=0),
                name="sla_policy_positive_targets",
            ),
            models.CheckConstraint(
                condition=models.Q(warning_percent__gte=1, warning_percent__lte=99),
                name="sla_policy_warning_percent_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.category_code or '*'}/{self.priority or '*'}"


class HoursChange(models.Model):
    """The change log of an office's hours, closures, special days and SLA policies."""

    class Subject(models.TextChoices):
        WEEKLY_HOURS = "weekly_hours", _("weekly hours")
        CLOSURE = "closure", _("closure or holiday")
        SPECIAL_DAY = "special_day", _("special day")
        DATED_HOURS = "dated_hours", _("dated hours")
        SLA_POLICY = "sla_policy", _("SLA policy")

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="hours_changes", verbose_name=_("office")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("changed by"),
    )
    at = models.DateTimeField(_("changed at"))
    subject = models.CharField(_("what"), max_length=20, choices=Subject.choices)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("hours change")
        verbose_name_plural = _("hours changes")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.subject}"
