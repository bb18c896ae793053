"""POST /api/v1/auth/token: exchange a username and password for a bearer token; the owner
lists (GET /auth/tokens) and revokes (DELETE /auth/tokens/{id}) their tokens."""

from datetime import datetime

from django.conf import settings
from django.contrib.auth import authenticate
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError

from mejabantu.accounts.services import api_token_issue, api_token_revoke, api_tokens_of
from mejabantu.core import limits

router = Router(tags=["auth"])


class TokenIn(Schema):
    username: str
    password: str
    name: str = ""  # what the token is for ("rekap harian"), shown in the list


class TokenOut(Schema):
    token: str
    expires_at: datetime


class TokenInfo(Schema):
    id: int
    name: str
    created_at: datetime
    last_used_at: datetime | None
    expires_at: datetime


@router.post("/token", response=TokenOut, auth=None)
def token_create(request, payload: TokenIn):
    """Return a new token; send it as `Authorization: Bearer <token>`."""
    if limits.over(request, "api-token", settings.TOKEN_RATE):
        raise HttpError(
            429, _("Too many token requests from your address. Wait a minute and try again.")
        )
    user = authenticate(request, username=payload.username, password=payload.password)
    if user is None:
        raise HttpError(401, _("Wrong username or password, or the account is locked for now."))
    raw = api_token_issue(user=user, name=payload.name)
    return {"token": raw, "expires_at": api_tokens_of(user)[0].expires_at}


@router.get("/tokens", response=list[TokenInfo])
def token_list(request):
    """Your tokens that still work (the raw values are never shown again)."""
    return api_tokens_of(request.user)


@router.delete("/tokens/{token_id}", response={204: None})
def token_revoke(request, token_id: int):
    """End one of your tokens at once; a token of someone else is 404."""
    api_token_revoke(user=request.user, token_id=token_id)
    return 204, None


class MeOut(Schema):
    username: str
    role: str
    office: str | None
    organisation: str | None


@router.get("/me", response=MeOut)
def me(request):
    """Return who the token belongs to."""
    user = request.user
    return {
        "username": user.username,
        "role": user.role,
        "office": user.office.code if user.office_id else None,
        "organisation": user.organisation.code if user.organisation_id else None,
    }
