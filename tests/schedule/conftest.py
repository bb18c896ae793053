from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

WIB = ZoneInfo("Asia/Jakarta")


def wib(*args) -> datetime:
    return datetime(*args, tzinfo=WIB)


# Monday 2 September 2024, 09.00 WIB: a working day with the whole week ahead.
NOW = wib(2024, 9, 2, 9, 0)


@pytest.fixture
def frozen_now(monkeypatch):
    monkeypatch.setenv("MEJABANTU_FAKE_NOW", NOW.isoformat())
    return NOW


@pytest.fixture
def book(office, users, frozen_now):
    from mejabantu.schedule import services

    def _book(starts_at, username="lo-partai-a", **kwargs):
        return services.appointment_book(
            actor=users[username], office=office, starts_at=starts_at, **kwargs
        )

    return _book
