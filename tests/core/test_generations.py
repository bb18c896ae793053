"""Generations: what keys cached pages, and why a change can never be missed."""

import threading

import pytest
from django.db import connection, transaction

from mejabantu.core import generations


def test_a_change_moves_its_scope_and_only_it(db):
    before = generations.current("office:1", "office:2", "all")
    generations.changed("office:1")
    after = generations.current("office:1", "office:2", "all")
    assert after[0] > before[0]
    assert after[1:] == before[1:]


def test_scopes_come_back_in_the_order_asked(db):
    generations.changed("office:7")
    a, b = generations.current("office:7", "office:8")
    assert a > 0 and b == 0
    assert generations.current("office:8", "office:7") == (b, a)


concurrent_writers = pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite has one writer at a time: ids come in commit order, no second record",
)


@concurrent_writers
@pytest.mark.django_db(transaction=True)
def test_a_change_is_recorded_again_after_its_transaction_commits():
    """A reader that saw the in-transaction id before our commit must not keep its page."""
    with transaction.atomic():
        generations.changed("office:5")
        generations.changed("office:5")  # once more in the same transaction: one callback
        inside = generations.current("office:5")
        callbacks = [f for _s, f, _r in connection.run_on_commit]
        assert len(callbacks) == 1
    assert generations.current("office:5")[0] > inside[0]


@concurrent_writers
@pytest.mark.django_db(transaction=True)
def test_every_scope_of_a_transaction_is_recorded_after_its_commit_in_one_go():
    with transaction.atomic():
        generations.changed("office:3", "ticket:BLT-2024-000001")
        with pytest.raises(RuntimeError), transaction.atomic():  # a savepoint undone
            generations.changed("office:3:setup")
            raise RuntimeError
        generations.changed("ticket:BLT-2024-000002")
        inside = generations.current("office:3", "ticket:BLT-2024-000001", "ticket:BLT-2024-000002")
        assert len(connection.run_on_commit) == 1
    after = generations.current("office:3", "ticket:BLT-2024-000001", "ticket:BLT-2024-000002")
    assert all(a > i for a, i in zip(after, inside, strict=True))


@pytest.mark.django_db(transaction=True)
def test_a_change_only_in_an_undone_savepoint_is_not_recorded_after_the_commit():
    with transaction.atomic():
        with pytest.raises(RuntimeError), transaction.atomic():
            generations.changed("office:4")
            raise RuntimeError
        assert connection.run_on_commit == []


@pytest.mark.django_db(transaction=True)
def test_on_sqlite_ids_come_in_commit_order_so_one_record_per_change_is_enough():
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL has concurrent writers: see the tests above")
    before = generations.current("office:5")
    with transaction.atomic():
        generations.changed("office:5")
        inside = generations.current("office:5")
        assert connection.run_on_commit == []  # no second record
    assert generations.current("office:5") == inside and inside[0] > before[0]


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_transaction_still_leaves_no_stale_key():
    before = generations.current("office:6")
    with pytest.raises(RuntimeError), transaction.atomic():
        generations.changed("office:6")
        raise RuntimeError
    # nothing committed, nothing to invalidate; a later change still moves the generation
    assert generations.current("office:6") == before
    generations.changed("office:6")
    assert generations.current("office:6")[0] > before[0]


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_never_wait_on_each_other():
    """Recording changes takes no shared lock: two open transactions both record theirs."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has one writer at a time by design")
    from django.db import connections

    started = threading.Barrier(2, timeout=10)
    errors = []

    def write():
        try:
            with transaction.atomic():
                generations.changed("office:9")
                started.wait()  # both transactions hold their change open at once
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_prune_keeps_the_newest_of_each_scope(db):
    for _ in range(3):
        generations.changed("office:1", "office:2")
    keep = generations.current("office:1", "office:2")
    assert generations.prune() >= 4
    assert generations.current("office:1", "office:2") == keep


@concurrent_writers
@pytest.mark.django_db(transaction=True)
def test_a_failing_after_commit_record_never_fails_the_saved_change(monkeypatch):
    def broken(self):
        raise RuntimeError("database went away")

    monkeypatch.setattr(generations._AfterCommit, "__call__", broken)
    before = generations.current("office:4")
    with transaction.atomic():  # no exception escapes the commit
        generations.changed("office:4")
    assert generations.current("office:4")[0] > before[0]  # the in-transaction record stands


def _request_reading_latest():
    """A request as a signed-in one begins: it reads the newest change id with its session."""
    generations.request_started()
    with connection.cursor() as cursor:
        cursor.execute(generations.LATEST_SQL)
        generations.saw_latest(cursor.fetchone()[0])


def _another_process_records(scope):
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO core_change (scope) VALUES (%s)", [scope])


def test_while_nothing_changes_requests_read_no_generation(db, django_assert_num_queries):
    generations.changed("office:1")
    _request_reading_latest()
    first = generations.current("office:1", "ticket:BLT-2024-000001")
    generations.request_finished()
    _request_reading_latest()
    with django_assert_num_queries(0):
        assert generations.current("office:1", "ticket:BLT-2024-000001") == first
        assert generations.current("ticket:never-changed") == (0,)
    generations.request_finished()


def test_the_next_request_sees_a_change_another_process_recorded(db, django_assert_num_queries):
    _request_reading_latest()
    before = generations.current("office:1", "office:2")
    generations.request_finished()
    _another_process_records("office:2")
    _request_reading_latest()
    with django_assert_num_queries(1):  # only the changes recorded since
        after = generations.current("office:1", "office:2")
    assert after[0] == before[0] and after[1] > before[1]
    generations.request_finished()


def test_a_request_that_records_a_change_reads_generations_itself(db):
    _request_reading_latest()
    before = generations.current("office:3")
    generations.changed("office:3")
    generations.saw_latest(0)  # read too late: this request wrote, it is ignored
    assert generations.current("office:3")[0] > before[0]
    generations.request_finished()


def test_with_more_scopes_than_it_may_keep_every_request_reads_its_own(
    db, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr(generations, "MIRROR_AT_MOST", 2)
    for scope in ("office:1", "office:2", "office:3"):
        generations.changed(scope)
    _request_reading_latest()
    first = generations.current("office:1", "office:3")
    generations.request_finished()
    _another_process_records("office:3")
    _request_reading_latest()
    with django_assert_num_queries(1):
        after = generations.current("office:1", "office:3")
    assert after[0] == first[0] and after[1] > first[1]
    generations.request_finished()
