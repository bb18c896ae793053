"""Texts of the schedule's e-mails (Indonesian by default, like the site)."""

from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from mejabantu.schedule.models import Appointment


def local_when(appointment: Appointment) -> str:
    office = appointment.office
    start = timezone.localtime(appointment.slot.starts_at, timezone=_tz(office))
    end = timezone.localtime(appointment.slot.ends_at, timezone=_tz(office))
    return "{} {}–{} {}".format(
        date_format(start, "l, j F Y"),
        start.strftime("%H.%M"),
        end.strftime("%H.%M"),
        office.timezone_label,
    )


def _tz(office):
    from zoneinfo import ZoneInfo

    return ZoneInfo(office.timezone)


def reminder_text(appointment: Appointment) -> tuple[str, str]:
    """Return (subject, body) of the day-before reminder, in the site's language whatever
    language the process last served a page in."""
    with translation.override(settings.LANGUAGE_CODE):
        return _reminder_text(appointment)


def _reminder_text(appointment: Appointment) -> tuple[str, str]:
    when = local_when(appointment)
    subject = _("Reminder: consultation at %(office)s, %(when)s") % {
        "office": appointment.office.name,
        "when": when,
    }
    lines = [
        _("Your consultation at the candidacy helpdesk is tomorrow or later today:"),
        "",
        _("When: %(when)s") % {"when": when},
        _("Where: %(address)s")
        % {"address": appointment.office.address or appointment.office.name},
        _("For: %(organisation)s") % {"organisation": appointment.organisation.name},
    ]
    if appointment.topic:
        lines.append(_("Topic: %(topic)s") % {"topic": appointment.topic})
    if appointment.ticket_id:
        lines.append(_("Ticket: %(reference)s") % {"reference": appointment.ticket.reference})
    lines += [
        "",
        _(
            "If you cannot come, please cancel or move the booking in Mejabantu so that "
            "another party can use the slot."
        ),
    ]
    return subject, "\n".join(lines)
