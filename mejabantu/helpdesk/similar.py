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


def similar_open_tickets(*, user, item, text: str, exclude: tuple[int, ...] = ()) -> Similar:
    """Open tickets like ``text`` that the user may link to ``item`` and that are not linked
    to it yet (other items' tickets too: an office may have picked the wrong one)."""
    words = search_words(text)
    if not words:
        return Similar([], 0)
    contains = Q()
    for word in words:
        contains |= Q(subject__icontains=word) | Q(body__icontains=word)
    found = (
        Ticket.objects.filter(access.guidance_linkable(user, item))
        .filter(contains, status__in=OPEN_STATUSES, merged_into__isnull=True)
        .exclude(pending_guidance=item)
        .exclude(pk__in=exclude)
        .select_related("office")
        .order_by()[:CANDIDATES]
    )
    tokens = set(analyze(text))
    scored = [(s, t) for t in found if (s := _score(tokens, t)) >= MIN_SCORE]
    scored.sort(key=lambda st: (-st[0], -st[1].pk))
    tickets = [t for _s, t in scored]
    return Similar(tickets, len({t.office_id for t in tickets}))
