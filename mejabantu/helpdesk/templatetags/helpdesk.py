"""Pieces of the helpdesk pages that repeat per row or per file, rendered in Python: an
``{% include %}`` costs tens of microseconds each time, these a few."""

from django import template
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.html import format_html

from mejabantu.helpdesk.choices import status_for_requester
from mejabantu.helpdesk.models import Priority

register = template.Library()


@register.filter
def requester_status(ticket) -> str:
    return status_for_requester(ticket.status)


@register.simple_tag
def ticket_badges(ticket, requester=False):
    """The ticket's status, and its priority when it is high or urgent, as badges; worded for
    the requester when ``requester``."""
    label = status_for_requester(ticket.status) if requester else ticket.get_status_display()
    status = format_html('<span class="badge status-{}">{}</span>', ticket.status, label)
    if ticket.priority not in (Priority.URGENT, Priority.HIGH):
        return status
    return format_html(
        '{} <span class="badge warning">{}</span>', status, ticket.get_priority_display()
    )


@register.simple_tag(takes_context=True)
def attachment_link(context, attachment):
    """A file's download link and size; on the requester's private page (``public``) the link
    goes through the page's token."""
    if context.get("public"):
        url = reverse(
            "helpdesk:public_attachment", kwargs={"token": context["token"], "pk": attachment.pk}
        )
    else:
        url = reverse("helpdesk:attachment", kwargs={"pk": attachment.pk})
    return format_html(
        '<a href="{}">{}</a> <span class="meta">({})</span>',
        url,
        attachment.original_name,
        filesizeformat(attachment.size),
    )
