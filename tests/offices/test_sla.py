"""SLA clocks: pauses, warnings, breaches and met targets, in working time."""

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mejabantu.offices.business_time import (
    WorkingCalendar,
    add_working_minutes,
    working_minutes_between,
)
from mejabantu.offices.defaults import GOVERNMENT_WEEK, national_holidays
from mejabantu.offices.sla import Pause, compute_clock, compute_ticket_clocks

WIB = ZoneInfo("Asia/Jakarta")
CAL = WorkingCalendar(
    tz="Asia/Jakarta", weekly=GOVERNMENT_WEEK, holidays=national_holidays(range(2024, 2026))
)


def at(*args) -> datetime:
    return datetime(*args, tzinfo=WIB)


instants = st.datetimes(
    min_value=datetime(2024, 1, 1), max_value=datetime(2024, 12, 31), timezones=st.just(UTC)
)
pause_lists = st.lists(
    st.tuples(instants, st.one_of(st.none(), st.integers(min_value=1, max_value=7 * 24 * 60))),
    max_size=4,
)


def to_pauses(raw) -> list[Pause]:
    return [Pause(start=a, end=None if m is None else a + timedelta(minutes=m)) for a, m in raw]


@settings(max_examples=200, deadline=None)
@given(instants, st.integers(min_value=1, max_value=5000), pause_lists, instants)
def test_a_pause_never_makes_a_clock_due_earlier(start, target, raw, now):
    now = max(now, start)
    plain = compute_clock(CAL, started_at=start, target_minutes=target, now=now)
    paused = compute_clock(
        CAL, started_at=start, target_minutes=target, now=now, pauses=to_pauses(raw)
    )
    assert paused.due >= plain.due
    assert plain.due == add_working_minutes(CAL, start, target)


@settings(max_examples=200, deadline=None)
@given(instants, st.integers(min_value=1, max_value=5000), pause_lists, instants)
def test_elapsed_never_exceeds_the_working_minutes_from_start_to_now(start, target, raw, now):
    now = max(now, start)
    clock = compute_clock(
        CAL, started_at=start, target_minutes=target, now=now, pauses=to_pauses(raw)
    )
    assert 0 <= clock.elapsed_minutes <= working_minutes_between(CAL, start, now) + 1e-9
    assert clock.warning_at <= clock.due


@settings(max_examples=100, deadline=None)
@given(instants, st.integers(min_value=1, max_value=5000), instants)
def test_a_running_clock_is_breached_exactly_from_its_due_time(start, target, now):
    now = max(now, start)
    clock = compute_clock(CAL, started_at=start, target_minutes=target, now=now)
    assert (clock.state == "breached") == (now >= clock.due)


MONDAY = at(2024, 9, 2, 8, 0)


@pytest.mark.parametrize(
    ("now", "pauses", "stopped", "state", "due"),
    [
        (at(2024, 9, 2, 9, 0), [], None, "ok", at(2024, 9, 2, 10, 0)),
        (at(2024, 9, 2, 9, 30), [], None, "warning", at(2024, 9, 2, 10, 0)),
        (at(2024, 9, 2, 10, 0), [], None, "breached", at(2024, 9, 2, 10, 0)),
        (at(2024, 9, 2, 9, 50), [], at(2024, 9, 2, 9, 50), "met", at(2024, 9, 2, 10, 0)),
        (at(2024, 9, 2, 11, 0), [], at(2024, 9, 2, 10, 30), "breached", at(2024, 9, 2, 10, 0)),
        # waiting on the requester since 08.30, still waiting at 11.00: due moves on from now
        (
            at(2024, 9, 2, 11, 0),
            [Pause(at(2024, 9, 2, 8, 30))],
            None,
            "paused",
            at(2024, 9, 2, 13, 30),
        ),
        # waited 08.30-09.30, answered back; the clock resumed with 90 minutes left
        (
            at(2024, 9, 2, 9, 45),
            [Pause(at(2024, 9, 2, 8, 30), at(2024, 9, 2, 9, 30))],
            None,
            "ok",
            at(2024, 9, 2, 11, 0),
        ),
    ],
)
def test_clock_states_over_a_morning(now, pauses, stopped, state, due):
    clock = compute_clock(
        CAL, started_at=MONDAY, target_minutes=120, now=now, pauses=pauses, stopped_at=stopped
    )
    assert clock.state == state
    assert clock.due == due


def test_ticket_clocks_take_the_policy_targets_and_stop_on_their_own_events():
    policy = SimpleNamespace(first_response_minutes=60, resolution_minutes=480, warning_percent=75)
    clocks = compute_ticket_clocks(
        calendar=CAL,
        policy=policy,
        received_at=at(2024, 8, 16, 15, 50),
        first_responded_at=at(2024, 8, 19, 7, 45),
        now=at(2024, 8, 19, 9, 0),
    )
    assert clocks.first_response.state == "met"
    assert clocks.first_response.due == at(2024, 8, 19, 7, 50)
    assert clocks.resolution.state == "ok"
    assert clocks.resolution.due == add_working_minutes(CAL, at(2024, 8, 16, 15, 50), 480)
    assert clocks.state == "ok"
    skipped = clocks.first_response.explanation["segments"][0]["skipped"]
    assert skipped[0]["date"] == "2024-08-17"
