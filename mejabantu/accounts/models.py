"""Users, their roles, and the requester organisations (party branches, teams)."""

import hashlib

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    """A requester organisation: a party branch, a coalition's liaison team, an independent team."""

    class Kind(models.TextChoices):
        PARTY = "party", _("party branch")
        COALITION = "coalition", _("coalition liaison team")
        INDEPENDENT = "independent", _("independent candidate team")
        OTHER = "other", _("other organisation")

    code = models.SlugField(
        _("code"),
        max_length=60,
        unique=True,
        help_text=_("Stable code used by the API and imports, e.g. pdip-belitung."),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.PARTY)
    party_code = models.SlugField(
        _("national party code"),
        max_length=30,
        blank=True,
        help_text=_("For party branches: the national party, e.g. pdip, gerindra."),
    )
    office = models.ForeignKey(
        "offices.Office",
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name=_("office"),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A person who signs in: a party operator, an officer, a coordinator or an admin."""

    class Role(models.TextChoices):
        OPERATOR = "operator", _("party operator")
        OFFICER = "officer", _("officer")
        COORDINATOR = "coordinator", _("coordinator")
        ADMIN = "admin", _("administrator")

    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.OPERATOR)
    office = models.ForeignKey(
        "offices.Office",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
        verbose_name=_("office"),
        help_text=_("For officers and coordinators: the office they work for."),
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
        verbose_name=_("organisation"),
        help_text=_("For party operators: the organisation they act for."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    on_duty = models.BooleanField(
        _("on duty"), default=True, help_text=_("Receives tickets by automatic assignment.")
    )
    is_demo_account = models.BooleanField(
        _("demo account"),
        default=False,
        help_text=_("Demo accounts can sign in only while demo mode is on."),
    )
    credentials_changed_at = models.DateTimeField(_("credentials changed at"), default=timezone.now)

    class Meta:
        ordering = ["username"]
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                name="staff_roles_have_office",
                condition=~models.Q(role__in=["officer", "coordinator"])
                | models.Q(office__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def set_password(self, raw_password: str | None) -> None:
        # A new password ends every API token issued before it (sessions end through
        # Django's session auth hash).
        super().set_password(raw_password)
        self.credentials_changed_at = timezone.now()

    @property
    def is_staff_member(self) -> bool:
        """True for officers, coordinators and admins: people who answer tickets."""
        return self.role in {self.Role.OFFICER, self.Role.COORDINATOR, self.Role.ADMIN} or (
            self.is_superuser
        )

    @property
    def is_coordinator(self) -> bool:
        return self.role == self.Role.COORDINATOR or self.is_superuser

    @property
    def is_operator(self) -> bool:
        return self.role == self.Role.OPERATOR and self.organisation_id is not None


class ApiToken(models.Model):
    """A bearer token for the JSON API; only its SHA-256 digest is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    digest = models.CharField(max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"), null=True)  # None: outdated, refused

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"token of {self.user}"

    @staticmethod
    def digest_of(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()


class AccountChange(models.Model):
    """One change to a staff account, for the audit: who invited or changed whom, and when.

    Append-only; accounts are never deleted (deactivated instead), so the trail stays whole.
    """

    class Action(models.TextChoices):
        INVITED = "invited", _("invited")
        INVITE_RESENT = "invite_resent", _("invitation sent again")
        ROLE = "role", _("role changed")
        ON_DUTY = "on_duty", _("on duty changed")
        DEACTIVATED = "deactivated", _("deactivated")
        REACTIVATED = "reactivated", _("reactivated")

    at = models.DateTimeField(_("at"), default=timezone.now)
    actor = models.ForeignKey(
        User,
        null=True,
        on_delete=models.SET_NULL,
        related_name="account_changes_made",
        verbose_name=_("by"),
    )
    person = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="account_changes", verbose_name=_("person")
    )
    office = models.ForeignKey(
        "offices.Office",
        null=True,
        on_delete=models.PROTECT,
        related_name="account_changes",
        verbose_name=_("office"),
    )
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    before = models.CharField(_("before"), max_length=40, blank=True)
    after = models.CharField(_("after"), max_length=40, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("account change")
        verbose_name_plural = _("account changes")
        indexes = [models.Index(fields=["office", "-at"], name="account_change_office")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.person_id}"

    def _shown(self, value: str) -> str:
        if self.action == self.Action.ROLE and value in User.Role.values:
            return str(User.Role(value).label)
        if self.action == self.Action.ON_DUTY and value:
            return str(_("on duty") if value == "on" else _("off duty"))
        return value

    @property
    def before_shown(self) -> str:
        return self._shown(self.before)

    @property
    def after_shown(self) -> str:
        return self._shown(self.after)
