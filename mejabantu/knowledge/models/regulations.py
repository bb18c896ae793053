"""Regulations and their articles (pasal, ayat, huruf), with their legal status."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    """Legal status of a regulation or an article."""

    IN_FORCE = "in_force", _("in force")
    AMENDED = "amended", _("amended")
    REVOKED = "revoked", _("revoked")
    # Not amended: the Constitutional Court declared it conditionally unconstitutional and gave
    # it a new reading, which is the text in force (e.g. Pasal 40 ayat (1) UU 10/2016, MK 60).
    REINTERPRETED = "reinterpreted", _("conditionally unconstitutional: read as the Court ruled")


# An article with these statuses no longer says what its words say: an answer relying on it as
# the rule in force is to be reviewed. A whole regulation that was amended stays in force as
# amended; only a revoked one is superseded as a whole.
SUPERSEDED_ARTICLE_STATUSES = (Status.AMENDED, Status.REVOKED)
SUPERSEDED_REGULATION_STATUSES = (Status.REVOKED,)


# How an instrument is cited, by kind (the official Indonesian abbreviations, not translated).
KIND_LABELS = {
    "uu": "UU",
    "pkpu": "PKPU",
    "keputusan": "Keputusan KPU",
    "putusan_mk": "Putusan MK",
    "surat_edaran": "Surat Edaran",
    "perpres": "Perpres",
    "keppres": "Keppres",
    "surat_kpu": "Surat KPU",
    "se_mendagri": "Surat Edaran Mendagri",
}

# Letters and circulars are cited by their own number, which need not end with a year.
LETTER_KINDS = frozenset({"surat_edaran", "surat_kpu", "se_mendagri"})


def regulation_name(kind: str, number: str, year: int) -> str:
    """How a citation names an instrument: 'PKPU 8/2024', 'Putusan MK 60/PUU-XXII/2024'.

    A number that already ends with its year (court registers, KPU letters) is not given the
    year again, nor is a letter's or circular's own number (``100.2.1.3/4204/SJ``).
    """
    label = KIND_LABELS.get(kind, kind)
    number = str(number)
    if number.endswith(f"/{year}") or kind in LETTER_KINDS:
        return f"{label} {number}"
    return f"{label} {number}/{year}"


class Regulation(models.Model):
    """A legal instrument: a statute, a PKPU, a KPU decision, a court decision, a circular."""

    class Kind(models.TextChoices):
        UU = "uu", _("Law (UU)")
        PKPU = "pkpu", _("KPU Regulation (PKPU)")
        KEPUTUSAN = "keputusan", _("KPU Decision")
        PUTUSAN_MK = "putusan_mk", _("Constitutional Court decision")
        SURAT_EDARAN = "surat_edaran", _("Circular letter")
        PERPRES = "perpres", _("Presidential Regulation (Perpres)")
        KEPPRES = "keppres", _("Presidential Decision (Keppres)")
        SURAT_KPU = "surat_kpu", _("KPU letter")
        SE_MENDAGRI = "se_mendagri", _("Circular of the Minister of Home Affairs")

    code = models.SlugField(_("code"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=14, choices=Kind.choices)
    number = models.CharField(_("number"), max_length=40)
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=500)
    date = models.DateField(_("date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=14, choices=Status.choices, default=Status.IN_FORCE
    )
    amended_by = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="amends",
        verbose_name=_("amended by"),
    )
    uncertain = models.BooleanField(_("unconfirmed"), default=False)
    note = models.TextField(_("note"), blank=True)
    source_hash = models.CharField(max_length=64, blank=True, editable=False)
    imported_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-year", "kind", "number"]
        verbose_name = _("regulation")
        verbose_name_plural = _("regulations")

    def __str__(self) -> str:
        return self.short_name

    def get_absolute_url(self) -> str:
        return reverse("knowledge:regulation", kwargs={"code": self.code})

    @property
    def short_name(self) -> str:
        return regulation_name(self.kind, self.number, self.year)


class Article(models.Model):
    """A pasal, an ayat or a letter (huruf) of a regulation, addressed by a stable key.

    Keys read ``regulation/pasal[/ayat[/letter]]``, e.g. ``uu-10-2016/7/2/e``.
    """

    key = models.CharField(_("key"), max_length=120, unique=True)
    regulation = models.ForeignKey(
        Regulation, on_delete=models.CASCADE, related_name="articles", verbose_name=_("regulation")
    )
    bab = models.CharField(_("chapter (bab)"), max_length=10, blank=True)
    pasal = models.CharField(_("article (pasal)"), max_length=10)
    ayat = models.CharField(_("paragraph (ayat)"), max_length=10, blank=True)
    letter = models.CharField(_("letter (huruf)"), max_length=4, blank=True)
    heading = models.CharField(_("heading"), max_length=300, blank=True)
    text = models.TextField(_("text"))
    status = models.CharField(
        _("status"), max_length=14, choices=Status.choices, default=Status.IN_FORCE
    )
    uncertain = models.BooleanField(_("unconfirmed"), default=False)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["regulation", "position", "key"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def __str__(self) -> str:
        return f"{self.regulation.short_name} {self.reference}"

    def get_absolute_url(self) -> str:
        return reverse("knowledge:article", kwargs={"key": self.key})

    @property
    def reference(self) -> str:
        """The article's citation, e.g. 'Pasal 7 ayat (2) huruf e'."""
        text = f"Pasal {self.pasal}"
        if self.ayat:
            text += f" ayat ({self.ayat})"
        if self.letter:
            text += f" huruf {self.letter}"
        return text
