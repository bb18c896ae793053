"""Django's PostgreSQL backend, with a connection health check that usually costs nothing.

With ``CONN_HEALTH_CHECKS`` Django asks the server ``SELECT 1`` before the first query of
every request, so that a connection the server closed (a restart, an idle timeout) is
replaced instead of failing the request: one round trip per request, a quarter of what a
cached page costs on PostgreSQL. A server that closes a connection tells the client first
(a termination notice, then the end of the stream), so an idle connection whose socket has
nothing to read is still open: only when there is something to read, or the client already
knows the connection is broken, is the server asked.
"""

import select

from django.db.backends.postgresql.base import DatabaseWrapper as PostgresDatabaseWrapper
from psycopg import pq


class DatabaseWrapper(PostgresDatabaseWrapper):
    def is_usable(self) -> bool:
        if self.connection is None or self.connection.closed:
            return False
        pgconn = self.connection.pgconn
        if pgconn.status != pq.ConnStatus.OK:
            return False
        try:
            readable, _, _ = select.select([pgconn.socket], [], [], 0)
        except (OSError, ValueError):
            return False
        if not readable:
            return True  # the server said nothing since the last query: the connection is open
        return super().is_usable()  # it said something (often goodbye): ask it
