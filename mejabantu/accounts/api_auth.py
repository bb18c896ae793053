"""How API callers sign in: a bearer token (POST /api/v1/auth/token), for every app's router."""

from django.http import HttpRequest
from ninja.security import HttpBearer

from mejabantu.accounts.services import api_token_user


class BearerAuth(HttpBearer):
    """`Authorization: Bearer <token>` from POST /api/v1/auth/token."""

    def authenticate(self, request: HttpRequest, token: str):
        user = api_token_user(raw=token)
        if user is not None:
            request.user = user
        return user


class OptionalBearerAuth(BearerAuth):
    """Like BearerAuth, but anonymous callers pass as AnonymousUser (open endpoints)."""

    def __call__(self, request: HttpRequest):
        from django.contrib.auth.models import AnonymousUser

        result = super().__call__(request)
        if result:
            return result
        request.user = AnonymousUser()
        return request.user


bearer = BearerAuth()
optional_bearer = OptionalBearerAuth()
