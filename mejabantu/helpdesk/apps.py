from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelpdeskConfig(AppConfig):
    name = "mejabantu.helpdesk"
    label = "helpdesk"
    verbose_name = _("Helpdesk")

    def ready(self) -> None:
        from django.conf import settings

        from mejabantu.core import periodic
        from mejabantu.helpdesk import signals
        from mejabantu.helpdesk.services.guidance import guidance_resume
        from mejabantu.helpdesk.services.mail_intake import mail_fetch_all
        from mejabantu.helpdesk.services.sla import sla_sweep
        from mejabantu.helpdesk.services.whatsapp_intake import whatsapp_take_in_due

        periodic.register("helpdesk.sla_sweep", 60, sla_sweep)
        # answers being sent to linked tickets: finish what a crash or a failed task left
        periodic.register("helpdesk.guidance_resume", 30, guidance_resume)
        # questions by e-mail: every office's mailbox (MEJABANTU_MAILBOXES)
        periodic.register("helpdesk.mail_fetch", settings.MAIL_POLL_SECONDS, mail_fetch_all)
        # questions by WhatsApp: the deliveries the webhook stored, every round
        periodic.register("helpdesk.whatsapp_take_in", 0, whatsapp_take_in_due)
        signals.connect()
