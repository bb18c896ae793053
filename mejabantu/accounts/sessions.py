"""Database sessions, read together with their user in one plain statement.

Every signed-in request reads its session and then its user; through the ORM those reads
cost more than the rest of a cached page. This store keeps who signed in as a column of the
session row (accounts.Session), reads the row, the user and the user's organisation with one
fixed statement, and hands the user to the authentication backend (accounts.backends) for this
request only. The same statement reads the newest change id, so that the request's cached
pages need no statement of their own while nothing changed (core.generations).
Otherwise it is Django's database store: writes, expiry, logout and "sign out everywhere"
(the session's password hash, checked by Django) are Django's own.
"""

import threading
from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.sessions.backends import db
from django.db import connections, router
from django.utils import timezone

from mejabantu.core import generations, sql

_read = threading.local()

# Sessions' data as decoded before, by the signed text they were decoded from: checking the
# signature and unpacking it again gives the same values (about a twentieth of a cached
# page). Only data of plain values is kept (each request gets its own copy of the dict).
_decoded: dict[str, dict] = {}
_DECODED_AT_MOST = 10_000
_PLAIN = (str, int, float, bool, type(None))


def request_started(**kwargs) -> None:
    """Nothing read for an earlier request is ever used for this one."""
    _read.user = None


def user_read_with_session(user_id):
    """The user row read with this request's session, if it is that user (else None)."""
    user = getattr(_read, "user", None)
    _read.user = None
    if user is not None and str(user.pk) == str(user_id):
        return user
    return None


@cache
def _session_and_user_sql() -> str:
    """The session, the newest change id (see core.generations), its user and the user's
    organisation (a party operator's pages are of its organisation's office)."""
    from mejabantu.accounts.models import Organisation, Session

    user_model = get_user_model()
    columns = f"{sql.columns(user_model, alias='u')}, {sql.columns(Organisation, alias='o')}"
    return (
        f'SELECT s."session_data", ({generations.LATEST_SQL}), {columns} '  # noqa: S608
        f'FROM "{Session._meta.db_table}" s '
        f'LEFT JOIN "{user_model._meta.db_table}" u ON u."id" = s."user_id" '
        f'LEFT JOIN "{Organisation._meta.db_table}" o ON o."id" = u."organisation_id" '
        'WHERE s."session_key" = %s AND s."expire_date" > %s'
    )


class SessionStore(db.SessionStore):
    @classmethod
    def get_model_class(cls):
        from mejabantu.accounts.models import Session

        return Session

    def create_model_instance(self, data):
        session = super().create_model_instance(data)
        try:
            session.user_id = int(data.get("_auth_user_id"))
        except (TypeError, ValueError):
            session.user_id = None
        return session

    def load(self) -> dict:
        _read.user = None
        if not self.session_key:
            self._session_key = None
            return {}
        model = self.model
        connection = connections[router.db_for_read(model)]
        with connection.cursor() as cursor:
            cursor.execute(
                _session_and_user_sql(),
                [self.session_key, connection.ops.adapt_datetimefield_value(timezone.now())],
            )
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return {}
        generations.saw_latest(row[1])
        if row[2] is not None:  # a user signed in with this session
            _read.user = _user_from_row(row[2:], connection)
        return self._decoded(row[0])

    def _decoded(self, data: str) -> dict:
        found = _decoded.get(data)
        if found is None:
            found = self.decode(data)
            if not all(isinstance(value, _PLAIN) for value in found.values()):
                return found
            if len(_decoded) >= _DECODED_AT_MOST:
                _decoded.clear()
            _decoded[data] = found
        return dict(found)


def _user_from_row(values, connection):
    """A user instance (and its organisation, if any) from their columns, converted as the
    ORM converts them."""
    from mejabantu.accounts.models import Organisation

    user_model = get_user_model()
    width = len(user_model._meta.concrete_fields)
    user = sql.instances(values[:width], connection.alias, user_model)[0]
    if user.organisation_id is not None:
        user.organisation = sql.instances(values[width:], connection.alias, Organisation)[0]
    return user
