"""Authentication backends."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class DemoAwareModelBackend(ModelBackend):
    """The model backend, refusing demo accounts unless demo mode is on."""

    def user_can_authenticate(self, user) -> bool:
        if getattr(user, "is_demo_account", False) and not settings.DEMO_MODE:
            return False
        return super().user_can_authenticate(user)

    def get_user(self, user_id):
        """The signed-in user of a request, with the office whose pages they see (their own,
        or their party's office): the cached pages' versions come with it (core.page_cache)."""
        users = get_user_model()._default_manager.select_related("office", "organisation__office")
        try:
            user = users.get(pk=user_id)
        except (users.model.DoesNotExist, ValueError, TypeError):
            return None
        return user if self.user_can_authenticate(user) else None
