"""Similar open questions in other offices, to link to one guidance (juknis) item.

Reads only (a selector). The Indonesian analyzer picks the text's most telling words; the
database finds open tickets containing them through the trigram indexes of the ticket search
(migration 0007 on PostgreSQL), at most ``CANDIDATES`` rows however many tickets the nation
holds; the analyzer then scores those few by the stems they share with the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from mejabantu.accounts import access
from mejabantu.helpdesk.models import OPEN_STATUSES, Ticket
from mejabantu.knowledge.analyzer import analyze, analyze_surface, unique

CANDIDATES = 300  # rows read from the database per suggestion, at most
SEARCH_WORDS = 3  # the longest words of the text searched for
MIN_WORD = 5
MIN_SCORE = 0.3


@dataclass(frozen=True)
class Similar:
    """What the suggestion panel shows: the tickets (best first), and in how many offices."""

    tickets: list[Ticket]
    office_count: int

    @property
    def count(self) -> int:
        return len(self.tickets)


def search_words(text: str) -> list[str]:
    """The text's most telling words (the longest, without stop words or numbers)."""
    words = unique(w for w in analyze_surface(text) if w.isalpha() and len(w) >= MIN_WORD)
    return sorted(words, key=lambda w: (-len(w), w))[:SEARCH_WORDS]


def _score(tokens: set[str], ticket: Ticket) -> float:
    other = set(analyze(f"{ticket.subject} {ticket.body[:1000]}"))
    if not tokens or not other:
        return 0.0
    return len(tokens & other) / min(len(tokens), len(other))


def _similar(scope: Q, text: str, exclude: Q | None = None) -> Similar:
    words = search_words(text)
    if not words:
        return Similar([], 0)
    contains = Q()
    for word in words:
        contains |= Q(subject__icontains=word) | Q(body__icontains=word)
    found = Ticket.objects.filter(scope).filter(
        contains, status__in=OPEN_STATUSES, merged_into__isnull=True
    )
    if exclude is not None:
        found = found.exclude(exclude)
    tokens = set(analyze(text))
    rows = found.select_related("office").order_by()[:CANDIDATES]
    scored = [(s, t) for t in rows if (s := _score(tokens, t)) >= MIN_SCORE]
    scored.sort(key=lambda st: (-st[0], -st[1].pk))
    tickets = [t for _s, t in scored]
    return Similar(tickets, len({t.office_id for t in tickets}))


def similar_for_item(*, user, item, text: str) -> Similar:
    """Open tickets like ``text`` that the user may link to ``item`` and that do not wait
    for it yet (other items' tickets too: an office may have picked the wrong one)."""
    return _similar(access.guidance_linkable(user, item), text, Q(pending_guidance=item))


@dataclass(frozen=True)
class TicketSuggestions:
    """For a ticket's page: similar open questions in every office (shown as counts), the
    guidance items they wait for that this ticket may wait for too, and the similar tickets
    of the viewer's own office (which the viewer sees anyway)."""

    similar: Similar
    items: list  # (item, how many similar tickets wait for it)
    own: list[Ticket]


def suggestions_for_ticket(*, user, ticket: Ticket) -> TicketSuggestions:
    """What the ticket's page suggests linking (see ``TicketSuggestions``)."""
    from mejabantu.knowledge.models import PendingGuidance

    similar = _similar(Q(), f"{ticket.subject} {ticket.body[:1000]}", Q(pk=ticket.pk))
    waiting: dict[int, int] = {}
    for t in similar.tickets:
        if t.pending_guidance_id and t.pending_guidance_id != ticket.pending_guidance_id:
            waiting[t.pending_guidance_id] = waiting.get(t.pending_guidance_id, 0) + 1
    items = [
        (item, waiting[item.pk])
        for item in PendingGuidance.objects.filter(
            pk__in=waiting, state=PendingGuidance.State.OPEN
        ).select_related("office")
        if access.guidance_fits_ticket(item, ticket)
    ]
    items.sort(key=lambda pair: -pair[1])
    own = [
        t
        for t in similar.tickets
        if t.office_id == ticket.office_id
        and t.pending_guidance_id is None
        and access.is_office_staff(user, t.office_id)
    ][:10]
    return TicketSuggestions(similar, items, own)
