"""Tickets with known times on known calendars, made through the helpdesk's services."""

import uuid
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from mejabantu.accounts.models import User
from mejabantu.helpdesk import services
from mejabantu.helpdesk.models import Ticket
from mejabantu.offices.models import Office
from mejabantu.reports.selectors import Period

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")
WIT = ZoneInfo("Asia/Jayapura")


def at(*args, tz=WIB):
    return datetime(*args, tzinfo=tz)


class Desk:
    """Acting on tickets at fixed instants (the SLA clocks read the frozen time)."""

    def __init__(self, users):
        self.users = users

    def ask(self, when, office, *, actor="lo-partai-a", **kwargs):
        with time_machine.travel(when, tick=False):
            ticket, _ = services.ticket_create(
                actor=self.users[actor] if isinstance(actor, str) else actor,
                office=office,
                subject=kwargs.pop("subject", "Syarat usia calon"),
                body="Berapa batas usia?",
                category=kwargs.pop("category", "persyaratan-calon"),
                idempotency_key=uuid.uuid4(),
                **kwargs,
            )
        return Ticket.objects.select_related("office", "handling_office").get(pk=ticket.pk)

    def reply(self, when, ticket, *, actor="petugas1", **kwargs):
        with time_machine.travel(when, tick=False):
            services.message_add(
                ticket=ticket, actor=self._who(actor), body=kwargs.pop("body", "Jawaban."), **kwargs
            )
        ticket.refresh_from_db()
        return ticket

    def update(self, when, ticket, *, actor="petugas1", **changes):
        with time_machine.travel(when, tick=False):
            services.ticket_update(
                ticket=ticket, actor=self._who(actor), expected_version=None, **changes
            )
        ticket.refresh_from_db()
        return ticket

    def rate(self, when, ticket, stars):
        with time_machine.travel(when, tick=False):
            services.ticket_rate(ticket=ticket, rating=stars)
        ticket.refresh_from_db()
        return ticket

    def _who(self, actor):
        return self.users[actor] if isinstance(actor, str) else actor


@pytest.fixture
def desk(users):
    return Desk(users)


@pytest.fixture
def offices(demo):
    return {o.code: o for o in Office.objects.filter(code__in=["ri", "19", "19.02", "19.06"])}


def officer_of(code: str, username: str) -> User:
    office = Office.objects.get(code=code)
    return User.objects.create_user(
        username, password="x-Officer-2024!", role="officer", office=office
    )


def month(office, year=2024, month_=8):
    first = date(year, month_, 1)
    last = date(year + month_ // 12, month_ % 12 + 1, 1).replace(day=1)
    from datetime import timedelta

    return Period(office=office, first=first, last=last - timedelta(days=1))
