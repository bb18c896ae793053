"""Ticket pages rendered ahead of their first view, by the background worker.

After a ticket changes, the worker renders its page for each audience that sees it (the
officers of its office, the operators of its party) into the shared page store
(core.cached_pages), so that whoever opens it next, in any web process, gets a stored page
instead of a render. A change of an office's setup (categories, officers, canned answers,
hours) or of what all offices share re-renders that office's recent tickets the same way.
``mejabantu warm_pages`` renders every ticket's pages (after a deploy, or an import).

Rendering ahead is only ever an optimisation: a page not stored yet, or stored at an older
generation, is rendered on view as before.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Iterable
from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest
from django.urls import resolve, reverse
from django.utils import timezone, translation

from mejabantu.accounts.models import User
from mejabantu.core import cached_pages, generations
from mejabantu.helpdesk.models import OPEN_STATUSES, Ticket

logger = logging.getLogger(__name__)

RECENT = timedelta(days=30)  # after a setup change: open tickets and those changed since
TICK_BUDGET = 2.0  # seconds of rendering per run of the worker's job; the rest waits
_STAFF_ROLES = (User.Role.OFFICER, User.Role.COORDINATOR, User.Role.ADMIN)


class _Audiences:
    """One member of each audience, found once per run: whose access renders the page."""

    def __init__(self):
        self.staff: dict[int, User | None] = {}
        self.operators: dict[int, User | None] = {}

    def of(self, ticket: Ticket) -> list[User]:
        if ticket.office_id not in self.staff:
            self.staff[ticket.office_id] = (
                User.objects.filter(
                    office_id=ticket.office_id,
                    role__in=_STAFF_ROLES,
                    is_active=True,
                    is_superuser=False,
                )
                .order_by("pk")
                .first()
            )
        found = [self.staff[ticket.office_id]]
        if ticket.organisation_id is not None:
            if ticket.organisation_id not in self.operators:
                self.operators[ticket.organisation_id] = (
                    User.objects.filter(
                        organisation_id=ticket.organisation_id,
                        role=User.Role.OPERATOR,
                        is_active=True,
                        is_superuser=False,
                    )
                    .order_by("pk")
                    .first()
                )
            found.append(self.operators[ticket.organisation_id])
        return [u for u in found if u is not None]


def _request_for(user: User, path: str) -> HttpRequest:
    """A GET of the page as the middleware would hand it to the view, for ``user``."""
    request = HttpRequest()
    request.method = "GET"
    request.path = request.path_info = path
    request.META = {"SERVER_NAME": "localhost", "SERVER_PORT": "80", "REQUEST_METHOD": "GET"}
    request.user = user
    request.LANGUAGE_CODE = settings.LANGUAGE_CODE
    request.resolver_match = resolve(path)
    cached_pages.warming(request)
    return request


def render_ahead(tickets: Iterable[Ticket], *, audiences: _Audiences | None = None) -> int:
    """Store the pages of these tickets for each audience, in the site's language, unless the
    store holds them at their current generations already; return how many were rendered."""
    from mejabantu.helpdesk.views import detail

    audiences = audiences or _Audiences()
    rendered = 0
    with translation.override(settings.LANGUAGE_CODE):
        for ticket in tickets:
            path = reverse("helpdesk:detail", kwargs={"reference": ticket.reference})
            for user in audiences.of(ticket):
                request = _request_for(user, path)
                try:
                    detail(request, reference=ticket.reference)
                except Exception:  # the page fails on view too, and says so there
                    logger.exception("rendering %s ahead failed", path)
                    continue
                rendered += cached_pages.rendered_ahead(request)
    return rendered


def _tickets(references: Iterable[str]) -> list[Ticket]:
    return list(
        Ticket.objects.filter(reference__in=list(references)).only(
            "reference", "office_id", "organisation_id"
        )
    )


def recent_references(office_ids: Iterable[int] | None) -> list[str]:
    """An office's tickets worth rendering again after a setup change, newest change first
    (``None``: every office's)."""
    qs = Ticket.objects.filter(merged_into__isnull=True)
    if office_ids is not None:
        qs = qs.filter(office_id__in=list(office_ids))
    since = timezone.now() - RECENT
    qs = qs.filter(status__in=OPEN_STATUSES) | qs.filter(updated_at__gte=since)
    return list(qs.order_by("-updated_at").values_list("reference", flat=True))


_MARK = "pages:warmed-to"


class _Warmer:
    """The worker's state between runs: the last change looked at, and what is left to do."""

    def __init__(self):
        self.backlog: deque[str] = deque()
        self.queued: set[str] = set()

    def _mark_key(self) -> str:
        """Per version of the code (third, as every key of the page store: core.page_files)
        and database: a new version stores its pages anew."""
        return f"{_MARK}:{cached_pages.code_version()}:{cached_pages.database_id()}"

    def collect(self) -> None:
        """Queue the tickets changed since the last run (a ticket's own change first)."""
        store = cached_pages.page_store()
        key = self._mark_key()
        last = store.get(key)
        if last is None:
            # the first run of this version of the code: the recent tickets (older ones are
            # rendered on view, or by ``warm_pages``), then what changes from now on
            mark = generations.latest()
            self.backlog = deque(recent_references(None))
            self.queued = set(self.backlog)
            store.set(key, mark, None)
            return
        changes = generations.changes_since(last)
        if not changes:
            return
        tickets, offices, everything = [], set(), False
        for scope in changes:
            if scope.startswith("ticket:"):
                tickets.append(scope.removeprefix("ticket:"))
            elif scope == generations.ALL:
                everything = True
            elif scope.endswith(":setup"):
                offices.add(int(scope.split(":")[1]))
        for reference in tickets:  # changed tickets go before a setup change's re-render
            if reference in self.queued:
                self.backlog.remove(reference)
            self.backlog.appendleft(reference)
            self.queued.add(reference)
        if everything or offices:
            for reference in recent_references(None if everything else offices):
                if reference not in self.queued:
                    self.backlog.append(reference)
                    self.queued.add(reference)
        store.set(key, max(changes.values()), None)

    def run(self, budget: float = TICK_BUDGET) -> int:
        self.collect()
        rendered = 0
        audiences = _Audiences()
        deadline = time.monotonic() + budget
        while self.backlog and time.monotonic() < deadline:
            batch = [self.backlog.popleft() for _ in range(min(20, len(self.backlog)))]
            self.queued.difference_update(batch)
            rendered += render_ahead(_tickets(batch), audiences=audiences)
        return rendered


_WARMER = _Warmer()


def warm_changed() -> int:
    """The worker's job: render ahead the pages of the tickets changed since its last run."""
    return _WARMER.run()


def warm_all(
    *, office_ids: Iterable[int] | None = None, progress: Callable[[int, int], None] | None = None
) -> int:
    """Render every ticket's pages not stored at their current generations (the command)."""
    qs = Ticket.objects.filter(merged_into__isnull=True)
    if office_ids is not None:
        qs = qs.filter(office_id__in=list(office_ids))
    references = list(qs.order_by("-updated_at").values_list("reference", flat=True))
    total, rendered, audiences = len(references), 0, _Audiences()
    for start in range(0, total, 100):
        rendered += render_ahead(_tickets(references[start : start + 100]), audiences=audiences)
        if progress:
            progress(min(start + 100, total), total)
    return rendered
