from django import template

from mejabantu.schedule import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def ticket_appointments(context, ticket):
    """The bookings linked to a ticket that the current user may see."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return list(selectors.appointments_for_ticket(user, ticket)) if user else []


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
