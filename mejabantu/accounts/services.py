"""Writes for accounts: tokens and demo users."""

import secrets

from django.db import transaction
from django.utils import timezone

from mejabantu.accounts.models import ApiToken, User


@transaction.atomic
def api_token_issue(*, user: User) -> str:
    """Issue a new API token for the user and return its raw value (shown once)."""
    raw = secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, digest=ApiToken.digest_of(raw))
    return raw


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
    from django.conf import settings

    if user.is_demo_account and not settings.DEMO_MODE:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return user
