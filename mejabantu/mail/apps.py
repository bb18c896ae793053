from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailConfig(AppConfig):
    name = "mejabantu.mail"
    label = "mail"
    verbose_name = _("Outgoing e-mail")

    def ready(self) -> None:
        from mejabantu.core import periodic
        from mejabantu.mail.services import mail_send_due, mail_sweep

        periodic.register("mail.sweep", 30, mail_sweep)
        # the outbox is the mail queue: what is due goes out every round
        periodic.register("mail.send", 0, mail_send_due, after_tasks=True)
