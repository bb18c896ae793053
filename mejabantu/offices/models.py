"""Regions (Kemendagri codes) and the KPU offices that serve them."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


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

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Office(models.Model):
    """A KPU office: KPU RI, a provincial KPU, or a KPU of a regency or city."""

    class Level(models.TextChoices):
        RI = "ri", _("KPU RI")
        PROVINCE = "provinsi", _("provincial KPU")
        REGENCY = "kabupaten", _("regency KPU")
        CITY = "kota", _("city KPU")

    class TimeZone(models.TextChoices):
        WIB = "Asia/Jakarta", "WIB"
        WITA = "Asia/Makassar", "WITA"
        WIT = "Asia/Jayapura", "WIT"

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
