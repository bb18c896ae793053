"""Reads of the helpdesk, always scoped to what the acting user may see."""

import re
from dataclasses import dataclass
from functools import cached_property

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from mejabantu.accounts import access
from mejabantu.accounts.models import Organisation, User
from mejabantu.core.page_cache import cached_value
from mejabantu.core.templatetags.mejabantu import format_in_zone
from mejabantu.helpdesk.models import (
    Attachment,
    AuditEvent,
    CannedAnswer,
    Category,
    Channel,
    Message,
    Priority,
    Status,
    Ticket,
    TicketHop,
)
from mejabantu.helpdesk.office_queue import OfficeQueue
from mejabantu.offices.models import Office

LIST_RELATED = (
    "office",
    "handling_office",
    "category",
    "organisation",
    "assignee",
    "pending_guidance",
)


def tickets_visible_to(user, related: tuple[str, ...] = LIST_RELATED) -> QuerySet[Ticket]:
    """Every ticket the user may see (accounts.access.visible_tickets): an officer those asked
    at or handled by its office and, read-only, those of the offices below; an operator its
    organisation's."""
    return access.scoped_tickets(Ticket.objects.select_related(*related), user)


def ticket_get(*, user, reference: str) -> Ticket:
    """The ticket by reference (or numeric id) if the user may see it; 404 otherwise.

    Its rarely set links (merged into, logged by, awaited guidance) load when used. At most
    one ticket matches (a reference always has letters, e.g. BLT-2024-000042), so ``get()``
    needs no ordering, which ``first()`` would compile on every page view.
    """
    qs = tickets_visible_to(
        user, related=("office", "handling_office", "category", "organisation", "assignee")
    )
    try:
        return qs.get(_by_reference(reference))
    except Ticket.DoesNotExist:
        raise Http404 from None


def ticket_page_versions(*, user, reference: str) -> tuple[int, int, int, int]:
    """What a ticket's cached page is kept under, if the user may see the ticket (404
    otherwise): its id and version and its two offices' setup versions, in one narrow read, so
    a page from the cache does not pay for reading the whole ticket (``ticket_get``)."""
    found = (
        tickets_visible_to(user, related=())
        .filter(_by_reference(reference))
        .values_list(
            "pk", "page_version", "office__setup_version", "handling_office__setup_version"
        )
    )
    try:
        return found.get()
    except Ticket.DoesNotExist:
        raise Http404 from None


def _by_reference(reference: str) -> Q:
    lookup = Q(reference=reference)
    if re.fullmatch(r"[0-9]{1,18}", str(reference)):  # an id; not "¹3", not beyond 64 bits
        lookup |= Q(pk=int(reference))
    return lookup


def messages_visible_to(*, user, ticket: Ticket, public: bool = False) -> list[Message]:
    """The thread: officers see internal notes, requesters only public messages.

    Each message carries ``attachment_list``; see ``thread_of`` for the files of the question.
    """
    return thread_of(user=user, ticket=ticket, public=public)[0]


def thread_of(
    *, user, ticket: Ticket, public: bool = False
) -> tuple[list[Message], list[Attachment]]:
    """The messages the user may see, each with its ``attachment_list``, and the files sent
    with the question itself: two queries whatever the thread's length."""
    staff = not public and user is not None and access.sees_ticket_internals(user, ticket)
    thread = Message.objects.filter(ticket_id=ticket.pk).order_by("created_at", "id")
    if not staff:
        thread = thread.filter(internal=False)
    thread = list(thread)
    by_message: dict[int | None, list[Attachment]] = {m.pk: [] for m in thread}
    by_message[None] = []
    for attachment in Attachment.objects.filter(ticket_id=ticket.pk).order_by("id"):
        if attachment.message_id in by_message:  # files of hidden notes stay hidden
            by_message[attachment.message_id].append(attachment)
    for m in thread:
        m.ticket = ticket
        m.attachment_list = by_message[m.pk]
    return thread, by_message[None]


def attachment_get(*, user, pk: int, public_ticket: Ticket | None = None) -> Attachment:
    """An attachment the user may download: its ticket visible, its message not internal
    unless the user is an officer of the office."""
    attachment = (
        Attachment.objects.select_related(
            "ticket", "message", "ticket__office", "ticket__handling_office"
        )
        .filter(pk=pk)
        .first()
    )
    if attachment is None:
        raise Http404
    ticket = attachment.ticket
    if public_ticket is not None:
        allowed = ticket.pk == public_ticket.pk
        staff = False
    else:
        allowed = tickets_visible_to(user).filter(pk=ticket.pk).exists()
        staff = access.sees_ticket_internals(user, ticket)
    if not allowed or (attachment.message_id and attachment.message.internal and not staff):
        raise Http404
    return attachment


def ticket_events(*, ticket: Ticket) -> list[AuditEvent]:
    """The ticket's audit trail, oldest first (for its history and its SLA clocks' pauses)."""
    return list(AuditEvent.objects.filter(ticket_id=ticket.pk).order_by("created_at", "id"))


def history_lines(events: list[AuditEvent], office: Office) -> list[str]:
    """The ticket's history as the officers' page shows it, one line per event, e.g.
    "23 Agu 2024 15.18 WIB · Budi Santoso · diubah · status: baru → diproses" (the label of
    a recorded status, priority or channel, not its stored code).

    Built here rather than in the template: its nested loop and filters cost more than the
    rest of the page's side column.
    """
    lines = []
    categories = {c.code: c.name for c in office_lookups(office).categories}
    for event in events:
        parts = [format_in_zone(event.created_at, office.timezone, short=True)]
        hop = HOP_LABELS.get(event.action)
        if hop is not None:  # "eskalasi · KPU Kabupaten Belitung → KPU Provinsi … · alasan: …"
            before, after = event.changes.get("handling_office", [None, None])
            reason = event.changes.get("reason", [None, ""])[1]
            parts += [event.actor_name, str(hop), f"{_shown(before)} → {_shown(after)}"]
            parts.append(_("reason: %(reason)s") % {"reason": reason})
            lines.append(" · ".join(parts))
            continue
        parts += [event.actor_name, str(ACTION_LABELS.get(event.action, event.action))]
        parts += [
            f"{FIELD_LABELS.get(field, field)}: "
            f"{_shown(before, field, categories)} → {_shown(after, field, categories)}"
            for field, (before, after) in event.changes.items()
            if field != "message"
        ]
        lines.append(" · ".join(parts))
    return lines


ACTION_LABELS = {
    "created": pgettext_lazy("ticket history", "asked"),
    "updated": pgettext_lazy("ticket history", "changed"),
    "assigned": pgettext_lazy("ticket history", "assigned"),
    "reply": pgettext_lazy("ticket history", "replied"),
    "requester_reply": pgettext_lazy("ticket history", "the requester replied"),
    "note": pgettext_lazy("ticket history", "internal note"),
    "merged": pgettext_lazy("ticket history", "merged into another ticket"),
    "merged_in": pgettext_lazy("ticket history", "another ticket merged in"),
    "rated": pgettext_lazy("ticket history", "rated"),
    "guidance_linked": pgettext_lazy("ticket history", "linked to guidance"),
    "guidance_answered": pgettext_lazy("ticket history", "guidance answered"),
}
FIELD_LABELS = {
    "status": pgettext_lazy("ticket history", "status"),
    "priority": pgettext_lazy("ticket history", "priority"),
    "channel": pgettext_lazy("ticket history", "channel"),
    "category": pgettext_lazy("ticket history", "category"),
    "assignee": pgettext_lazy("ticket history", "officer"),
    "pending_guidance": pgettext_lazy("ticket history", "waits for guidance"),
    "merged_into": pgettext_lazy("ticket history", "merged into"),
    "merged_from": pgettext_lazy("ticket history", "merged from"),
    "rating": pgettext_lazy("ticket history", "rating"),
    "handling_office": pgettext_lazy("ticket history", "handled by"),
}

HOP_LABELS = {
    "escalated": pgettext_lazy("ticket history", "escalated"),
    "forwarded": pgettext_lazy("ticket history", "forwarded"),
    "returned": pgettext_lazy("ticket history", "returned"),
}


def ticket_hops(*, ticket: Ticket) -> list[TicketHop]:
    """The ticket's hops between offices, oldest first, with both offices."""
    return list(
        TicketHop.objects.filter(ticket_id=ticket.pk)
        .select_related("from_office", "to_office")
        .order_by("created_at", "id")
    )


LABELLED = {"status": Status, "priority": Priority, "channel": Channel}


def _shown(value, field: str = "", categories: dict[str, str] | None = None) -> str:
    """One side of a recorded change: its label if it has one (a person, a category, a
    status), "—" if empty."""
    label = value.get("label") if isinstance(value, dict) else None
    if field == "category" and categories and isinstance(value, str):
        label = categories.get(value)
    choices = LABELLED.get(field)
    if choices is not None and value in choices.values:
        label = choices(value).label
    return str(label or value or "—")


@dataclass
class QueueFilters:
    queue: str = "open"
    status: str = ""
    category: str = ""
    channel: str = ""
    organisation: str = ""
    assignee: str = ""
    q: str = ""


QUEUES = ("mine", "unassigned", "open", "waiting", "all")


def ticket_queue(
    *, user: User, filters: QueueFilters, office: Office | None = None, body: bool = False
) -> QuerySet[Ticket] | OfficeQueue:
    """A queue with its filters, the next due first among open tickets; ``body``: with the
    question's text (the pages show the subject only).

    Of one office if given: the tickets it handles and those asked there but handled
    elsewhere now, merged from two index-ordered reads (helpdesk.office_queue.OfficeQueue: it
    is sliced, counted and iterated, as the paginator does; nothing more)."""
    qs = tickets_visible_to(user)
    # open tickets, and only they, have a queue rank (see services.sla.queue_rank)
    if filters.queue == "mine":
        qs = qs.filter(assignee=user, queue_rank__isnull=False)
    elif filters.queue == "unassigned":
        qs = qs.filter(assignee__isnull=True, queue_rank__isnull=False)
    elif filters.queue == "open":
        qs = qs.filter(queue_rank__isnull=False)
    elif filters.queue == "waiting":
        qs = qs.filter(status=Status.WAITING, queue_rank__isnull=False)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.category:
        qs = qs.filter(category__code=filters.category)
    if filters.channel:
        qs = qs.filter(channel=filters.channel)
    if filters.organisation:
        qs = qs.filter(organisation__code=filters.organisation)
    if filters.assignee:
        qs = qs.filter(assignee__username=filters.assignee)
    if filters.q.strip():
        qs = qs.filter(text_search(filters.q.strip()))
    if not body:
        qs = qs.defer("body")  # lists show the subject only
    if filters.queue in ("all",) or filters.status in (Status.RESOLVED, Status.CLOSED):
        ordering = ("-received_at", "-id")
    else:
        ordering = ("queue_rank", "id")
    if office is None:
        return qs.order_by(*ordering)
    return OfficeQueue(qs, office.pk, ordering)


COUNT_CAP = 1000  # lists count at most this many rows, and show "1.000+" beyond


def ticket_page(
    tickets: QuerySet[Ticket] | OfficeQueue, *, offset: int, limit: int
) -> tuple[list[Ticket], int, bool]:
    """One page of a ticket list, how many the list holds (at most COUNT_CAP) and whether it
    holds more.

    The page's ids come first, in order, from the index the ordering follows; then only
    those rows are read with their links: reading whole rows while skipping ``offset`` of
    them, or sorting joined rows, grows with the list, not with the page. The count reads
    at most COUNT_CAP + 1 rows, in no order."""
    if isinstance(tickets, OfficeQueue):
        rows = list(tickets[offset : offset + limit])
        found = tickets[: COUNT_CAP + 1].count()
    else:
        ids = list(tickets.values_list("pk", flat=True)[offset : offset + limit])
        by_id = tickets.order_by().in_bulk(ids)
        rows = [by_id[pk] for pk in ids if pk in by_id]
        found = tickets.order_by()[: COUNT_CAP + 1].count()
    return rows, min(found, COUNT_CAP), found > COUNT_CAP


class OfficeLookups:
    """What the office's forms and filters list (and its SLA policies), each read on first use
    and kept in the cache under the office's setup version (core.page_cache.cached_value):
    any change of them moves that version (helpdesk.signals)."""

    def __init__(self, office: Office):
        self.office = office

    def _kept(self, name: str, read):
        versions = (self.office.pk, self.office.setup_version)
        return cached_value(f"office-{name}", versions, lambda: read(self.office))

    @cached_property
    def categories(self) -> list[Category]:
        return self._kept("categories", categories_for)

    @cached_property
    def officers(self) -> list[User]:
        return self._kept("officers", officers_of)

    @cached_property
    def organisations(self) -> list[Organisation]:
        return self._kept("organisations", organisations_of)

    @cached_property
    def canned_answers(self) -> list[CannedAnswer]:
        return self._kept("canned-answers", canned_answers_for)

    @cached_property
    def guidance(self) -> list:
        return self._kept("guidance", guidance_open_for)

    @cached_property
    def sla_policies(self) -> list:
        from mejabantu.offices.models import SlaPolicy

        return self._kept(
            "sla-policies", lambda office: list(SlaPolicy.objects.filter(office=office))
        )


def office_lookups(office: Office) -> OfficeLookups:
    """The office's categories, officers, organisations, canned answers, awaited guidance and
    SLA policies, each read when first used (from the cache while the office's setup stays)."""
    return OfficeLookups(office)


REFERENCE = re.compile(r"[A-Z0-9]{1,8}-[0-9]{4}-[0-9]{6,}")  # BLT-2024-000042


def text_search(term: str) -> Q:
    """Tickets whose reference is the term, or whose subject, question or requester's name
    contains it (any case). On PostgreSQL the words use the trigram indexes of migration 0007.

    A term written as a reference (BLT-2024-000042, any case) is looked up by its unique
    index only: its pieces ("BLT", "2024") are in countless texts, so searching the texts
    for it read a large share of the office's tickets (1M tickets: 950 ms)."""
    if REFERENCE.fullmatch(term.upper()):
        return Q(reference=term.upper())
    return (
        Q(reference=term.upper())
        | Q(subject__icontains=term)
        | Q(body__icontains=term)
        | Q(requester_name__icontains=term)
    )


def categories_for(office: Office) -> list[Category]:
    """The office's active categories: the shared ones and its own."""
    return list(Category.objects.filter(Q(office=office) | Q(office__isnull=True), active=True))


def officers_of(office: Office) -> list[User]:
    return list(
        User.objects.filter(
            office=office, is_active=True, role__in=[User.Role.OFFICER, User.Role.COORDINATOR]
        ).order_by("username")
    )


def organisations_of(office: Office) -> list[Organisation]:
    return list(Organisation.objects.filter(office=office).order_by("name"))


def canned_answers_for(office: Office) -> list[CannedAnswer]:
    return list(CannedAnswer.objects.filter(office=office))


def guidance_open_for(office: Office) -> list:
    """Guidance (juknis) still awaited by this office or the offices above it."""
    from mejabantu.knowledge.selectors import pending_guidance

    return list(pending_guidance(office=office))


def guidance_get(*, pk: int):
    """A guidance item by id (items are public: what offices wait for); 404 if none."""
    from mejabantu.knowledge.models import PendingGuidance

    item = PendingGuidance.objects.select_related("office", "resolved_by").filter(pk=pk).first()
    if item is None:
        raise Http404
    return item


def guidance_linked_count(item) -> int:
    """How many tickets wait for the item now."""
    return Ticket.objects.filter(pending_guidance=item).count()


def hand_on_targets(*, ticket: Ticket, q: str = "", limit: int = 20) -> list[Office]:
    """Offices the ticket may be handed on to: without ``q``, the offices above the one
    handling it (escalation); with it, any other office whose name or code matches."""
    if not q.strip():
        return ticket.handling_office.ancestors()
    term = q.strip()
    found = Office.objects.filter(
        Q(code__startswith=term) | Q(name__icontains=term) | Q(short_code__iexact=term)
    ).exclude(pk=ticket.handling_office_id)
    return list(found.order_by("code")[:limit])


def office_by_code(code: str) -> Office | None:
    """The office with this code (a region's Kemendagri code, or 'ri'), if there is one."""
    return Office.objects.filter(code=code.strip().lower()).first() if code.strip() else None
