"""Generations: cheap, cross-process invalidation for cached pages.

A *scope* names a set of data that pages show together, e.g. everything of one office
(``office:3``) or what every office shares (``all``). ``changed(scope)`` records a change;
``current(scopes)`` returns the scopes' generations, a tuple that is part of every cache key
built from that data. A cache entry can therefore never be served after the data it was
rendered from has changed, whichever process rendered it, with no shared cache needed.

Why two inserts per change. A change is recorded inside the writing transaction (so that
code running in one transaction, tests included, sees it at once) *and* again right after
that transaction commits. The second one closes a race: ids are handed out before commit, so
a reader could see a newer id from another transaction while our data is still invisible,
render the old data under that key and keep serving it. After our commit, our second id is
newer than any key rendered before it. Inserts take no lock that other writers wait on, so
recording changes never serialises or deadlocks the transactions that make them.

SQLite needs no second insert: it has one writer at a time, which holds the write lock from
its first write to its commit, so ids are handed out in the order transactions commit and a
newer id is never visible before an older one (saves a commit, about 0.5 ms, per change).
"""

from __future__ import annotations

import threading

from django.db import DEFAULT_DB_ALIAS, connections, transaction

ALL = "all"


def office_scope(office_id: int | None) -> str:
    """The scope of one office's tickets and their threads (``all``: every office's)."""
    return ALL if office_id is None else f"office:{office_id}"


def setup_scope(office_id: int | None) -> str:
    """The scope of how one office is set up: categories, people, organisations, canned
    answers, SLA policies; it changes far less often than its tickets (``all``: shared)."""
    return ALL if office_id is None else f"office:{office_id}:setup"


def ticket_scope(reference: str) -> str:
    """The scope of one ticket's page: its thread, history, rating and appointments (every
    change to it is also a change of its office's tickets)."""
    return f"ticket:{reference}"


_LOCAL_CACHES: list[dict] = []


def local_cache() -> dict:
    """A dict for values kept in this process under a generation (cleared by ``forget``)."""
    kept: dict = {}
    _LOCAL_CACHES.append(kept)
    return kept


def forget() -> None:
    """Empty this process's local caches (tests do, as their databases roll back)."""
    for kept in _LOCAL_CACHES:
        kept.clear()
    _mirror.clear()
    request_finished()


# Within one request a generation is read once: a page that asks for the office's setup
# three times (its lists, the SLA policies, the round robin) reads it once. A change made
# by the request itself forgets what was read; outside requests nothing is kept.
_request = threading.local()


def request_started(**kwargs) -> None:
    _request.read = {}
    _request.latest = None
    _request.wrote = False


def request_finished(**kwargs) -> None:
    _request.read = None
    _request.latest = None
    _request.wrote = False


# Every scope's generation as of a recent change, kept in this process (the *mirror*). A
# signed-in request reads the newest change id with its session (``LATEST_SQL``, see
# accounts.sessions) before it reads any generation; the mirror then only reads the changes
# recorded after the id it is complete up to, and none while nothing changed, however many
# pages and scopes the request shows. A change recorded after an id always gets a newer
# one: ids only grow, prune keeps the newest row of each scope, and on PostgreSQL a change
# committed under an older id is recorded again after its commit (see above), under a newer
# id than anything read before. A request that records a change reads no longer through the
# mirror (it would see its own uncommitted rows, which a rollback can take back).
LATEST_SQL = "SELECT MAX(id) FROM core_change"


def latest() -> int:
    """The newest change id (0 before the first change)."""
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute(LATEST_SQL)
        return cursor.fetchone()[0] or 0


def changes_since(change_id: int, at_most: int | None = None) -> dict[str, int]:
    """Each scope changed after ``change_id``, with its newest change id (``at_most``: no
    more scopes than that, for a caller that gives up beyond it)."""
    sql = "SELECT scope, MAX(id) FROM core_change WHERE id > %s GROUP BY scope"
    params = [change_id]
    if at_most is not None:
        sql += " LIMIT %s"
        params.append(at_most)
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute(sql, params)
        return dict(cursor.fetchall())


MIRROR_AT_MOST = 200_000  # scopes; with more, every request reads its generations


class _Mirror:
    def __init__(self):
        self.lock = threading.Lock()
        self.clear()

    def clear(self) -> None:
        self.complete_to: int | None = None  # every change up to this id is in ``found``
        self.found: dict[str, int] = {}
        self.too_many = False

    def read(self, scopes: tuple[str, ...], latest: int) -> tuple[int, ...] | None:
        """The scopes' generations, if the mirror holds every change up to ``latest``."""
        with self.lock:
            if self.too_many:
                return None
            if self.complete_to is None or self.complete_to < latest:
                self._catch_up(latest)
                if self.too_many:
                    return None
            return tuple(self.found.get(scope, 0) for scope in scopes)

    def _catch_up(self, latest: int) -> None:
        if self.complete_to is None:  # every scope, once
            self.found.update(changes_since(0, at_most=MIRROR_AT_MOST + 1))
        else:
            self.found.update(changes_since(self.complete_to))
        self.complete_to = latest
        if len(self.found) > MIRROR_AT_MOST:
            self.clear()
            self.too_many = True


_mirror = _Mirror()


def saw_latest(change_id: int | None) -> None:
    """This request read ``change_id`` (``LATEST_SQL``) before reading any generation."""
    if getattr(_request, "read", None) is not None and not getattr(_request, "wrote", False):
        _request.latest = change_id or 0


def _insert(scopes: tuple[str, ...]) -> None:
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.executemany("INSERT INTO core_change (scope) VALUES (%s)", [(s,) for s in scopes])


class _AfterCommit:
    """The post-commit half of ``changed``: one per transaction, with every scope it changed,
    inserted in one transaction of its own (one commit, not one per scope)."""

    def __init__(self):
        self.scopes: list[str] = []
        self.__qualname__ = "generations.changed after commit"  # for Django's log

    def __call__(self) -> None:
        if len(self.scopes) == 1:
            _insert(tuple(self.scopes))
            return
        with transaction.atomic():
            _insert(tuple(self.scopes))


def changed(*scopes: str) -> None:
    """Record that data of these scopes changed (see the module's docstring)."""
    scopes = tuple(dict.fromkeys(scopes))
    if not scopes:
        return
    if getattr(_request, "read", None):
        _request.read.clear()
    _request.latest, _request.wrote = None, True  # the mirror is no longer for this request
    _insert(scopes)
    conn = connections[DEFAULT_DB_ALIAS]
    if not conn.in_atomic_block or conn.vendor == "sqlite":
        return  # autocommit: the insert came after the change was committed; SQLite: above
    # A scope added here inside a savepoint that later rolls back is still recorded after the
    # commit (one needless new generation); a callback made inside one goes with it, and so
    # do the changes it was made for.
    after = next(
        (f for _sids, f, _robust in conn.run_on_commit if isinstance(f, _AfterCommit)), None
    )
    if after is None:
        after = _AfterCommit()
        # robust: a failure here is logged, never turned into an error for a saved change
        transaction.on_commit(after, robust=True)
    after.scopes.extend(s for s in scopes if s not in after.scopes)


def office_changed(office_id: int | None) -> None:
    changed(office_scope(office_id))


def setup_changed(office_id: int | None) -> None:
    changed(setup_scope(office_id))


def current(*scopes: str) -> tuple[int, ...]:
    """The generation of each scope (0 if it never changed), in the order given."""
    if not scopes:
        return ()
    read = getattr(_request, "read", None)
    if read is not None and scopes in read:
        return read[scopes]
    latest = getattr(_request, "latest", None)
    if latest is not None:
        found = _mirror.read(scopes, latest)
        if found is not None:
            read[scopes] = found
            return found
    sql = " UNION ALL ".join(
        ["SELECT %s, COALESCE(MAX(id), 0) FROM core_change WHERE scope = %s"] * len(scopes)
    )
    params = [p for i, s in enumerate(scopes) for p in (i, s)]
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute(sql, params)
        rows = dict(cursor.fetchall())
    found = tuple(rows[i] for i in range(len(scopes)))
    if read is not None:
        read[scopes] = found
    return found


def office_generation(office_id: int) -> tuple[int, ...]:
    """The generation of an office's pages: its tickets, its setup, what offices share."""
    return current(office_scope(office_id), setup_scope(office_id), ALL)


def setup_generation(office_id: int) -> tuple[int, ...]:
    """The generation of an office's setup and of what all offices share."""
    return current(setup_scope(office_id), ALL)


def prune() -> int:
    """Delete all but the newest row of each scope (the worker runs this now and then)."""
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute(
            "DELETE FROM core_change WHERE id < "
            "(SELECT MAX(c.id) FROM core_change c WHERE c.scope = core_change.scope)"
        )
        return cursor.rowcount
