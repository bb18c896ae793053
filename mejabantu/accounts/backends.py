"""Authentication backends."""

from functools import cache

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from mejabantu.accounts.sessions import user_read_with_session
from mejabantu.core import sql


@cache
def _user_by_id_sql() -> str:
    model = get_user_model()
    columns = sql.columns(model)
    return f'SELECT {columns} FROM "{model._meta.db_table}" WHERE "id" = %s'  # noqa: S608


class DemoAwareModelBackend(ModelBackend):
    """The model backend, refusing demo accounts unless demo mode is on."""

    def user_can_authenticate(self, user) -> bool:
        if getattr(user, "is_demo_account", False) and not settings.DEMO_MODE:
            return False
        return super().user_can_authenticate(user)

    def get_user(self, user_id):
        """The signed-in user of a request (every request): read with the session when it
        was (accounts.sessions), else with one fixed statement; the same checks as
        Django's (active, and demo accounts in demo mode)."""
        user = user_read_with_session(user_id)
        if user is None:
            try:
                found = list(get_user_model().objects.raw(_user_by_id_sql(), [int(user_id)]))
            except (TypeError, ValueError):
                return None
            user = found[0] if found else None
        return user if user is not None and self.user_can_authenticate(user) else None
