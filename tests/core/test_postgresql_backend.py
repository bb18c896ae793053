"""The PostgreSQL health check asks the server only when the server has spoken."""

import time

import psycopg
import pytest
from django.db import connection
from django.db.backends.postgresql.base import DatabaseWrapper as PostgresDatabaseWrapper

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's connections only"
)


@pytest.fixture
def asked(monkeypatch):
    """How often the server was asked (Django's own check: SELECT 1)."""
    calls = []
    original = PostgresDatabaseWrapper.is_usable

    def counted(self):
        calls.append(1)
        return original(self)

    monkeypatch.setattr(PostgresDatabaseWrapper, "is_usable", counted)
    return calls


def _terminate(pid: int) -> None:
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**params, autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])


def test_an_open_idle_connection_is_usable_without_a_round_trip(transactional_db, asked):
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    assert connection.is_usable()
    assert asked == []


def test_a_connection_the_server_closed_is_replaced_before_the_request_fails(
    transactional_db, asked
):
    connection.ensure_connection()
    pid = connection.connection.info.backend_pid
    _terminate(pid)
    deadline = time.monotonic() + 5
    while connection.is_usable() and time.monotonic() < deadline:
        time.sleep(0.05)  # the server's goodbye is on its way
    assert not connection.is_usable()
    assert asked  # the server was asked, once it had spoken
    connection.health_check_enabled, connection.health_check_done = True, False
    connection.close_if_health_check_failed()  # what Django does as a request starts
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        assert cursor.fetchone()[0] != pid
