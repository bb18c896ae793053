from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "mejabantu.accounts"
    label = "accounts"
    verbose_name = _("Accounts and roles")

    def ready(self) -> None:
        from django.core.signals import request_started

        from mejabantu.accounts import sessions

        request_started.connect(sessions.request_started, dispatch_uid="sessions-user-handoff")
