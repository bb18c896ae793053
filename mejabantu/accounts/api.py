"""POST /api/v1/auth/token: exchange a username and password for a bearer token."""

from django.conf import settings
from django.contrib.auth import authenticate
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError

from mejabantu.accounts.services import api_token_issue
from mejabantu.core import limits

router = Router(tags=["auth"])


class TokenIn(Schema):
    username: str
    password: str


class TokenOut(Schema):
    token: str


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
    return {"token": api_token_issue(user=user)}


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
