"""Database sessions, read with one plain statement.

Every signed-in request reads its session; through the ORM that read costs more than the
rest of a cached page (building the query each time). This store reads the same row with a
fixed statement and behaves exactly like Django's database store otherwise: writes, expiry,
logout and "sign out everywhere" are Django's own.
"""

from django.contrib.sessions.backends import db
from django.db import connections, router
from django.utils import timezone


class SessionStore(db.SessionStore):
    def load(self) -> dict:
        if not self.session_key:
            self._session_key = None
            return {}
        model = self.model
        connection = connections[router.db_for_read(model)]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT session_data FROM {model._meta.db_table} "  # noqa: S608 - our table
                "WHERE session_key = %s AND expire_date > %s",
                [self.session_key, connection.ops.adapt_datetimefield_value(timezone.now())],
            )
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return {}
        return self.decode(row[0])
