from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WhatsAppConfig(AppConfig):
    name = "mejabantu.whatsapp"
    label = "whatsapp"
    verbose_name = _("WhatsApp")

    def ready(self) -> None:
        from mejabantu.core import periodic
        from mejabantu.whatsapp.services import whatsapp_send_due, whatsapp_sweep

        periodic.register("whatsapp.sweep", 30, whatsapp_sweep)
        # the outbox is the queue: what is due goes out every round, after the intake
        periodic.register("whatsapp.send", 0, whatsapp_send_due, after_tasks=True)
