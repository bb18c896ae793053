"""One office's queue: the tickets it handles and those asked there but handled elsewhere now.

An OR of the two offices in one query cannot be read in order from any index: PostgreSQL
sorted the office's whole queue for every page (300,000 tickets in one office: 5 ms → 400 ms
for the first page). So the queue is read as three lists, each in order from an index, and
merged here:

- *home*: asked and handled here (nearly all), from the office's own queue indexes;
- *away*: asked here, handled elsewhere now; *in*: handed to this office from another. Both
  are read from small partial indexes of the handed-on tickets (models.HANDED_ON), at most
  ``CAP`` + 1 rows each, once per page view.
"""

from __future__ import annotations

from django.db.models import QuerySet

from mejabantu.helpdesk.models import HANDED_ON, Ticket

CAP = 1000  # rows of each list read at most: the pages count "1000+" beyond


class OfficeQueue:
    """A sliceable, countable list of one office's tickets in the queue's order, as the
    paginator uses it (``queue[a:b]``, ``queue[:n].count()``, iteration); nothing more."""

    def __init__(
        self,
        tickets: QuerySet[Ticket],
        office_id: int,
        ordering: tuple[str, ...],
        window: slice = slice(None),
        shared: dict | None = None,
    ):
        self.tickets = tickets  # filtered to what the user may see, of any office
        self.office_id = office_id
        self.ordering = ordering
        self.window = window
        self.shared = {} if shared is None else shared  # the handed-on rows, read once
        self._page: list[Ticket] | None = None

    def _rows_of(self, qs: QuerySet[Ticket]):
        keys = tuple(field.lstrip("-") for field in self.ordering)
        return qs.order_by(*self.ordering).values_list(*keys, "pk")

    def _home(self) -> QuerySet[Ticket]:
        # both offices given as values, not handling_office = office: the planner estimates
        # a comparison of two columns blindly (one ticket in fifty) and read a whole office
        # for a page; with values it has statistics (migration 0017)
        return self.tickets.filter(office_id=self.office_id, handling_office_id=self.office_id)

    def _handed_on(self) -> list[tuple]:
        """The away and in lists, (sort keys..., pk) each, read once for all slices."""
        if "handed_on" not in self.shared:
            handed = self.tickets.filter(HANDED_ON)
            away = self._rows_of(handed.filter(office_id=self.office_id))[: CAP + 1]
            into = self._rows_of(handed.filter(handling_office_id=self.office_id))[: CAP + 1]
            self.shared["handed_on"] = list(away) + list(into)
        return self.shared["handed_on"]

    def __getitem__(self, key: slice) -> OfficeQueue:
        if not isinstance(key, slice) or key.step is not None:
            raise TypeError("an office queue is only sliced")
        base = self.window.start or 0
        start = base + (key.start or 0)
        stop = None if key.stop is None else base + key.stop
        if self.window.stop is not None:
            stop = self.window.stop if stop is None else min(stop, self.window.stop)
        return OfficeQueue(
            self.tickets, self.office_id, self.ordering, slice(start, stop), self.shared
        )

    def count(self) -> int:
        start, stop = self.window.start or 0, self.window.stop
        # counted in the queue's order, up to ``stop``: the rows the page's own index gives
        # first (1M tickets, the open queue's count: in no order 91 ms, in order 10 ms)
        home = self._home().order_by(*self.ordering)
        found = (home if stop is None else home[:stop]).count() + len(self._handed_on())
        if stop is not None:
            found = min(found, stop)
        return max(0, found - start)

    def _read(self) -> list[Ticket]:
        start, stop = self.window.start or 0, self.window.stop
        home = self._rows_of(self._home())
        rows = list(home if stop is None else home[:stop]) + self._handed_on()
        rows.sort(key=lambda row: row[:-1], reverse=self.ordering[0].startswith("-"))
        ids = [row[-1] for row in rows[start:stop]]
        found = self.tickets.in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]

    def _rows(self) -> list[Ticket]:
        if self._page is None:
            self._page = self._read()
        return self._page

    def __iter__(self):
        return iter(self._rows())

    def __len__(self) -> int:
        return len(self._rows())
