from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelpdeskConfig(AppConfig):
    name = "mejabantu.helpdesk"
    label = "helpdesk"
    verbose_name = _("Helpdesk")

    def ready(self) -> None:
        from mejabantu.core import periodic
        from mejabantu.helpdesk import signals
        from mejabantu.helpdesk.services.sla import sla_sweep

        periodic.register("helpdesk.sla_sweep", 60, sla_sweep)
        signals.connect()
