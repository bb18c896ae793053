"""The officers' queues and a party's own tickets (cached pages)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from mejabantu.core.page_cache import cached_page
from mejabantu.helpdesk import selectors
from mejabantu.helpdesk.models import Channel, Status
from mejabantu.helpdesk.views.common import PAGE_SIZE, CappedPaginator, _staff_office
from mejabantu.offices.models import Office


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    """The officer's queues with filters; htmx swaps only the table.

    Cached per viewer and address until one of the office's tickets or its setup changes.
    """
    office = _staff_office(request)
    versions = (office.pk, office.tickets_version, office.setup_version)
    return cached_page(request, versions, lambda: _queue_page(request, office))


def _queue_page(request: HttpRequest, office: Office) -> HttpResponse:
    get = request.GET
    filters = selectors.QueueFilters(
        queue=get.get("queue", "open") if get.get("queue") in selectors.QUEUES else "open",
        status=get.get("status", ""),
        category=get.get("category", ""),
        channel=get.get("channel", ""),
        organisation=get.get("organisation", ""),
        assignee=get.get("assignee", ""),
        q=get.get("q", "")[:100],
    )
    qs = selectors.ticket_queue(user=request.user, office=office, filters=filters)
    context = {
        "office": office,
        "filters": filters,
        "tickets": CappedPaginator(qs, PAGE_SIZE).get_page(get.get("page")),
        "queues": [
            ("mine", _("Mine")),
            ("unassigned", _("Unassigned")),
            ("open", _("All open")),
            ("waiting", _("Waiting on requester")),
            ("all", _("All")),
        ],
        "statuses": Status.choices,
        "channels": Channel.choices,
        "lookups": selectors.office_lookups(office),
    }
    template = "helpdesk/_queue_table.html" if request.htmx else "helpdesk/queue.html"
    return render(request, template, context)


@login_required
def my_tickets(request: HttpRequest) -> HttpResponse:
    """A party operator's tickets (its organisation's); cached like the queues."""
    if not request.user.is_operator:
        return redirect("helpdesk:queue") if request.user.is_staff_member else redirect("home")
    office = request.user.organisation.office
    versions = (office.pk, office.tickets_version, office.setup_version)
    return cached_page(request, versions, lambda: _my_tickets_page(request))


def _my_tickets_page(request: HttpRequest) -> HttpResponse:
    tickets = CappedPaginator(
        selectors.tickets_visible_to(request.user).filter(merged_into__isnull=True).defer("body"),
        PAGE_SIZE,
    ).get_page(request.GET.get("page"))
    return render(request, "helpdesk/my_tickets.html", {"tickets": tickets})
