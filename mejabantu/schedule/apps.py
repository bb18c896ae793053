from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScheduleConfig(AppConfig):
    name = "mejabantu.schedule"
    label = "schedule"
    verbose_name = _("Schedule and appointments")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from mejabantu.core import periodic
        from mejabantu.helpdesk.signals import ticket_owned
        from mejabantu.schedule.models import Appointment
        from mejabantu.schedule.services import appointment_reminders_send

        periodic.register("schedule.reminders", 300, appointment_reminders_send)
        # an appointment is shown on its ticket's page
        post_save.connect(ticket_owned, sender=Appointment, dispatch_uid="v-Appointment")
        post_delete.connect(ticket_owned, sender=Appointment, dispatch_uid="v-del-Appointment")
