from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScheduleConfig(AppConfig):
    name = "mejabantu.schedule"
    label = "schedule"
    verbose_name = _("Schedule and appointments")

    def ready(self) -> None:
        from mejabantu.core import periodic
        from mejabantu.schedule.services import appointment_reminders_send

        periodic.register("schedule.reminders", 300, appointment_reminders_send)
