"""Writes for accounts: API tokens, and people (invitations, roles, on duty, deactivation)."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from mejabantu.accounts import access
from mejabantu.accounts.models import AccountChange, ApiToken, User
from mejabantu.accounts.selectors import coordinators_active
from mejabantu.mail.services import mail_queue, render_text
from mejabantu.offices.models import Office


@transaction.atomic
def api_token_issue(*, user: User, name: str = "") -> str:
    """Issue a new API token for the user and return its raw value (shown once). It expires
    after API_TOKEN_DAYS; its owner lists and revokes it (``api_token_revoke``)."""
    raw = secrets.token_urlsafe(32)
    ApiToken.objects.create(
        user=user,
        digest=ApiToken.digest_of(raw),
        name=name.strip()[:100],
        expires_at=timezone.now() + timedelta(days=settings.API_TOKEN_DAYS),
    )
    return raw


def api_tokens_of(user: User) -> list[ApiToken]:
    """The user's tokens that still work, newest first."""
    return list(
        ApiToken.objects.filter(
            user=user,
            expires_at__gt=timezone.now(),
            created_at__gte=user.credentials_changed_at,
        )
    )


def api_token_revoke(*, user: User, token_id: int) -> None:
    """End one of the user's own tokens; another's is not found (Http404)."""
    deleted, _kinds = ApiToken.objects.filter(user=user, pk=token_id).delete()
    if not deleted:
        raise Http404


def api_token_user(*, raw: str) -> User | None:
    """Return the active user of a raw token, or None if it is unknown or outdated."""
    token = (
        ApiToken.objects.select_related("user", "user__office", "user__organisation")
        .filter(digest=ApiToken.digest_of(raw))
        .first()
    )
    if token is None:
        return None
    user = token.user
    if not user.is_active or token.created_at < user.credentials_changed_at:
        return None
    if token.expires_at is None or token.expires_at <= timezone.now():
        return None
    if user.is_demo_account and not settings.DEMO_MODE:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return user


# -- people: invitations and staff accounts (the rules are in accounts.access) -------------


class PeopleError(ValidationError):
    """A change to an account refused with a message for the person who tried it."""


def _audit(*, actor: User, person: User, action: str, before: str = "", after: str = "") -> None:
    AccountChange.objects.create(
        actor=actor,
        person=person,
        office_id=person.office_id,
        action=action,
        before=before,
        after=after,
    )


def _require(actor: User, person: User) -> None:
    if not access.may_manage_person(actor, person):
        raise PermissionDenied


def _keeps_a_coordinator(person: User) -> None:
    """Refuse a change that would leave the person's office without an active coordinator."""
    others = coordinators_active(office_id=person.office_id).exclude(pk=person.pk)
    if person.role == User.Role.COORDINATOR and person.is_active and not others.exists():
        raise PeopleError(
            _(
                "%(name)s is the last active coordinator of %(office)s: invite or appoint "
                "another coordinator first."
            )
            % {"name": person, "office": person.office}
        )


def invite_link(user: User) -> str:
    """The set-password link of an invitation: Django's password-reset token, which expires
    after PASSWORD_RESET_TIMEOUT and once the password is set or the account signs in."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("accounts:invite_accept", kwargs={"uidb64": uid, "token": token})
    return settings.MEJABANTU_SITE_URL.rstrip("/") + path


def _mail_invitation(*, user: User, by: User) -> None:
    context = {
        "user": user,
        "by": by,
        "link": invite_link(user),
        "days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_text("accounts/mail/invite_subject.txt", context).strip()
        body = render_text("accounts/mail/invite.txt", context)
    mail_queue(to=user.email, subject=subject, body=body, topic=f"user:{user.pk}")


@transaction.atomic
def user_invite(
    *, actor: User, office: Office, name: str, email: str, role: str = User.Role.OFFICER
) -> User:
    """Create an officer's or coordinator's account without a password and mail them a link
    to set one. An administrator invites into any office, a coordinator into its own."""
    if not access.may_manage_people(actor, office):
        raise PermissionDenied
    if role not in access.STAFF_ROLES:
        raise PeopleError({"role": _("Choose officer or coordinator.")})
    email = User.objects.normalize_email(email.strip()).lower()
    if User.objects.filter(Q(email__iexact=email) | Q(username__iexact=email)).exists():
        raise PeopleError({"email": _("An account with this e-mail address already exists.")})
    user = User(
        username=email,
        email=email,
        first_name=name.strip()[:150],
        role=role,
        office=office,
        is_active=True,
        on_duty=True,
    )
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    _audit(actor=actor, person=user, action=AccountChange.Action.INVITED, after=role)
    _mail_invitation(user=user, by=actor)
    return user


@transaction.atomic
def user_invite_resend(*, actor: User, person: User) -> User:
    """Mail a new set-password link to someone who has not set a password yet."""
    _require(actor, person)
    if person.has_usable_password() or not person.is_active:
        raise PeopleError(_("%(name)s has already set a password.") % {"name": person})
    _audit(actor=actor, person=person, action=AccountChange.Action.INVITE_RESENT)
    _mail_invitation(user=person, by=actor)
    return person


@transaction.atomic
def user_set_role(*, actor: User, person: User, role: str) -> User:
    """Make an office's officer a coordinator or back; the office keeps a coordinator."""
    _require(actor, person)
    if role not in access.STAFF_ROLES:
        raise PeopleError(_("Choose officer or coordinator."))
    person = User.objects.select_for_update().get(pk=person.pk)
    if person.role == role:
        return person
    if role != User.Role.COORDINATOR:
        _keeps_a_coordinator(person)
    before, person.role = person.role, role
    person.save(update_fields=["role"])
    _audit(actor=actor, person=person, action=AccountChange.Action.ROLE, before=before, after=role)
    return person


@transaction.atomic
def user_set_on_duty(*, actor: User, person: User, on_duty: bool) -> User:
    """Put someone on duty (receives tickets by automatic assignment) or off it."""
    _require(actor, person)
    if person.on_duty == on_duty:
        return person
    person.on_duty = on_duty
    person.save(update_fields=["on_duty"])
    _audit(
        actor=actor,
        person=person,
        action=AccountChange.Action.ON_DUTY,
        before="off" if on_duty else "on",
        after="on" if on_duty else "off",
    )
    return person


@transaction.atomic
def user_deactivate(*, actor: User, person: User) -> User:
    """Stop an account signing in (web and API); it is kept, with its history, never
    deleted. The office keeps an active coordinator."""
    _require(actor, person)
    person = User.objects.select_for_update().get(pk=person.pk)
    if not person.is_active:
        return person
    _keeps_a_coordinator(person)
    person.is_active = False
    person.save(update_fields=["is_active"])
    _audit(actor=actor, person=person, action=AccountChange.Action.DEACTIVATED)
    return person


@transaction.atomic
def user_reactivate(*, actor: User, person: User) -> User:
    """Let a deactivated account sign in again."""
    _require(actor, person)
    if person.is_active:
        return person
    person.is_active = True
    person.save(update_fields=["is_active"])
    _audit(actor=actor, person=person, action=AccountChange.Action.REACTIVATED)
    return person
