"""A PostgreSQL restart or idle timeout costs no request: Django's health check replaces a
connection the server closed when the next request starts."""

import psycopg
import pytest
from django.db import close_old_connections, connection

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's connections only"
)


def _terminate(pid: int) -> None:
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**params, autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])


def test_a_connection_the_server_closed_is_replaced_before_the_request_fails(
    transactional_db, settings
):
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"]
    connection.ensure_connection()
    pid = connection.connection.info.backend_pid
    _terminate(pid)
    close_old_connections()  # what Django does as a request starts (and as it ends)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        assert cursor.fetchone()[0] != pid
