from django import template
from django.urls import reverse

from mejabantu.core.templatetags.mejabantu import format_in_zone
from mejabantu.schedule import selectors
from mejabantu.schedule.models import Appointment

register = template.Library()


@register.simple_tag(takes_context=True)
def ticket_appointments(context, ticket) -> list[dict]:
    """The bookings linked to a ticket that the current user may see: each one's ``url``,
    ``when`` (in its office's zone) and ``status``."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None:
        return []
    return [
        {
            "url": reverse("schedule:appointment", kwargs={"pk": pk}),
            "when": format_in_zone(starts_at, tz_name),
            "status": Appointment.Status(status).label,
        }
        for pk, starts_at, tz_name, status in selectors.appointments_for_ticket(user, ticket)
    ]


@register.filter
def office_time(value, office):
    """'10.00' in the office's zone."""
    from zoneinfo import ZoneInfo

    if value is None:
        return ""
    return value.astimezone(ZoneInfo(getattr(office, "timezone", "Asia/Jakarta"))).strftime("%H.%M")


@register.filter
def iso(value):
    return value.isoformat() if value else ""


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
