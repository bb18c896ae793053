"""Candidacy data: rule sets, regional figures, parties and results, contests, registrations."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mejabantu.candidacy.rules.params import RuleSetData


class RuleSet(models.Model):
    """A versioned set of candidacy rules: legal basis, effective date and parameters (JSON)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=250)
    legal_basis = models.TextField(_("legal basis"))
    effective_date = models.DateField(_("effective date"))
    superseded_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supersedes",
        verbose_name=_("superseded by"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    parameters = models.JSONField(_("parameters"), default=dict)
    articles = models.JSONField(_("articles per check"), default=dict, blank=True)
    source = models.TextField(_("source and remarks"), blank=True)
    based_on = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
        verbose_name=_("copied from"),
    )
    office = models.ForeignKey(
        "offices.Office",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rule_sets",
        verbose_name=_("drafted by office"),
        help_text=_(
            "The office whose coordinator drafted it (empty: drafted nationally or shipped). "
            "Only KPU RI publishes a rule set; until then only this office sees the draft."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        ordering = ["-effective_date", "code"]
        verbose_name = _("rule set")
        verbose_name_plural = _("rule sets")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def get_absolute_url(self) -> str:
        return reverse("candidacy:ruleset_detail", kwargs={"code": self.code})

    def as_data(self) -> RuleSetData:
        """Return the pure, typed rule set the checks run on."""
        return RuleSetData.from_dict(
            {
                "code": self.code,
                "name": self.name,
                "legal_basis": self.legal_basis,
                "effective_date": self.effective_date.isoformat(),
                "superseded_by": self.superseded_by.code if self.superseded_by_id else None,
                "parameters": self.parameters,
                "articles": self.articles,
                "source": self.source,
            }
        )

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def uncertain_parameters(self) -> list[str]:
        ref = self.parameters.get("age_reference") or {}
        return ["age_reference"] if ref.get("uncertain") else []


class RegionStats(models.Model):
    """Figures of one region that the checks need: DPT, DPRD seats, total valid votes."""

    region = models.OneToOneField(
        "offices.Region",
        on_delete=models.CASCADE,
        related_name="candidacy_stats",
        verbose_name=_("region"),
    )
    dpt_pemilu = models.PositiveIntegerField(
        _("DPT of the last Pemilu"), help_text=_("Picks the threshold band.")
    )
    dpt_pilkada = models.PositiveIntegerField(_("DPT of the Pilkada"), null=True, blank=True)
    dprd_seats = models.PositiveIntegerField(_("DPRD seats"), null=True, blank=True)
    valid_votes_total = models.PositiveIntegerField(
        _("total valid votes of the last DPRD election"), null=True, blank=True
    )
    illustrative = models.BooleanField(
        _("illustrative figures"),
        default=False,
        help_text=_("Set when a figure is not an official one (demo or estimate)."),
    )
    source = models.TextField(_("source"), blank=True)

    class Meta:
        ordering = ["region__code"]
        verbose_name = _("region figures")
        verbose_name_plural = _("region figures")

    def __str__(self) -> str:
        return str(self.region)


class Party(models.Model):
    """A national party that contested the last Pemilu."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=150)
    short_name = models.CharField(_("short name"), max_length=40)
    ballot_number = models.PositiveSmallIntegerField(_("ballot number"), null=True, blank=True)

    class Meta:
        ordering = ["ballot_number", "code"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")

    def __str__(self) -> str:
        return self.short_name


class PartyResult(models.Model):
    """A party's valid votes and seats in the last DPRD election of one region."""

    region = models.ForeignKey(
        "offices.Region",
        on_delete=models.CASCADE,
        related_name="party_results",
        verbose_name=_("region"),
    )
    party = models.ForeignKey(
        Party, on_delete=models.PROTECT, related_name="results", verbose_name=_("party")
    )
    votes = models.PositiveIntegerField(_("valid votes"))
    seats = models.PositiveSmallIntegerField(_("seats"), default=0)
    illustrative = models.BooleanField(_("illustrative figures"), default=False)

    class Meta:
        ordering = ["region__code", "-votes", "party__code"]
        verbose_name = _("party result")
        verbose_name_plural = _("party results")
        constraints = [
            models.UniqueConstraint(fields=["region", "party"], name="one_result_per_party_region")
        ]

    def __str__(self) -> str:
        return f"{self.party} {self.region.code}: {self.votes}"


class Contest(models.Model):
    """An election of a regional head: gubernur, bupati or walikota of one region."""

    class Kind(models.TextChoices):
        GOVERNOR = "gubernur", _("governor")
        REGENT = "bupati", _("regent")
        MAYOR = "walikota", _("mayor")

    region = models.ForeignKey(
        "offices.Region",
        on_delete=models.PROTECT,
        related_name="contests",
        verbose_name=_("region"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    election_date = models.DateField(_("voting day"))
    determination_date = models.DateField(_("determination of candidate pairs"))

    class Meta:
        ordering = ["-election_date", "region__code"]
        verbose_name = _("contest")
        verbose_name_plural = _("contests")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "kind", "election_date"], name="one_contest_per_region_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.region.name} {self.election_date.year}"


class Registration(models.Model):
    """The registration of one candidate pair at a KPU office, with the checks' verdicts."""

    class Route(models.TextChoices):
        PARTY = "party", _("party or coalition")
        INDEPENDENT = "independent", _("independent")

    number = models.CharField(_("receipt number"), max_length=40, unique=True)
    office = models.ForeignKey(
        "offices.Office",
        on_delete=models.PROTECT,
        related_name="registrations",
        verbose_name=_("office"),
    )
    contest = models.ForeignKey(
        Contest, on_delete=models.PROTECT, related_name="registrations", verbose_name=_("contest")
    )
    route = models.CharField(_("route"), max_length=12, choices=Route.choices)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registrations",
        verbose_name=_("proposing organisation"),
    )
    parties = models.ManyToManyField(
        Party, blank=True, related_name="registrations", verbose_name=_("proposing parties")
    )
    head_name = models.CharField(_("head candidate"), max_length=150)
    deputy_name = models.CharField(_("deputy candidate"), max_length=150)
    head_birth_date = models.DateField(_("head's date of birth"), null=True, blank=True)
    deputy_birth_date = models.DateField(_("deputy's date of birth"), null=True, blank=True)
    head_education = models.CharField(_("head's education"), max_length=4, blank=True)
    deputy_education = models.CharField(_("deputy's education"), max_length=4, blank=True)
    head_terms_served = models.PositiveSmallIntegerField(
        _("head's terms served in the same office"), null=True, blank=True
    )
    deputy_terms_served = models.PositiveSmallIntegerField(
        _("deputy's terms served in the same office"), null=True, blank=True
    )
    is_rehearsal = models.BooleanField(
        _("rehearsal (gladi bersih)"),
        default=False,
        help_text=_("Rehearsal registrations never count in reports."),
    )
    remarks = models.TextField(_("remarks"), blank=True)
    registered_at = models.DateTimeField(_("registered at"), default=timezone.now)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("received by"),
    )
    rule_set = models.ForeignKey(
        RuleSet,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registrations",
        verbose_name=_("rule set of the last check"),
    )
    verdicts = models.JSONField(_("verdicts of the last check"), default=dict, blank=True)
    checked_at = models.DateTimeField(_("checked at"), null=True, blank=True)

    class Meta:
        ordering = ["-registered_at", "number"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")

    def __str__(self) -> str:
        return f"{self.head_name} – {self.deputy_name}"

    def get_absolute_url(self) -> str:
        return reverse("candidacy:registration_detail", kwargs={"number": self.number})


class RegistrationDocument(models.Model):
    """One document of a registration and whether it was handed in."""

    class Status(models.TextChoices):
        MISSING = "missing", _("not yet received")
        RECEIVED = "received", _("received")
        INCOMPLETE = "incomplete", _("received, incomplete")
        NOT_APPLICABLE = "not_applicable", _("not applicable")

    class Role(models.TextChoices):
        PAIR = "pair", _("pair")
        HEAD = "head", _("head candidate")
        DEPUTY = "deputy", _("deputy candidate")

    registration = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        related_name="documents",
        verbose_name=_("registration"),
    )
    code = models.SlugField(_("code"), max_length=60)
    role = models.CharField(_("for"), max_length=8, choices=Role.choices)
    document = models.TextField(_("document"))
    issuer = models.CharField(_("issued by"), max_length=250, blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=250, blank=True)
    conditional = models.BooleanField(_("only where relevant"), default=False)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.MISSING
    )
    note = models.CharField(_("note"), max_length=250, blank=True)
    received_at = models.DateTimeField(_("received at"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["registration", "position"]
        verbose_name = _("registration document")
        verbose_name_plural = _("registration documents")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "role", "code"], name="one_document_per_role_code"
            )
        ]

    def __str__(self) -> str:
        return self.document
