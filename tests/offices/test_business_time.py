"""Business time: properties (hypothesis) and the edges people ask about (tables)."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mejabantu.offices.business_time import (
    Closure,
    Override,
    SpecialDay,
    WorkingCalendar,
    add_working_minutes,
    explain_due,
    is_open,
    next_opening,
    open_intervals,
    parse_spans,
    parse_spans_text,
    working_minutes_between,
)
from mejabantu.offices.defaults import GOVERNMENT_WEEK, REGISTRATION_DAYS_2024, national_holidays

WIB = ZoneInfo("Asia/Jakarta")


def calendar(tz: str = "Asia/Jakarta", **extra) -> WorkingCalendar:
    holidays = national_holidays(range(2023, 2027))
    # a run of holidays around Idul Fitri 2024 with collective leave (cuti bersama)
    for day in (8, 9, 12, 15):
        holidays[date(2024, 4, day)] = "Cuti bersama Idul Fitri"
    return WorkingCalendar(
        tz=tz,
        weekly=GOVERNMENT_WEEK,
        holidays=holidays,
        special_days=[
            *(
                SpecialDay(day=d, name=n, spans=parse_spans(s))
                for d, n, s in REGISTRATION_DAYS_2024
            ),
            SpecialDay(day=date(2024, 9, 7), name="Layanan akhir pekan", spans=((480, 720),)),
        ],
        closures=[
            Closure(day=date(2024, 10, 2), name="Rapat pleno", start=13 * 60, end=16 * 60),
            Closure(day=date(2024, 10, 3), name="Pemadaman listrik"),
        ],
        overrides=[
            Override(
                first=date(2025, 3, 1),
                last=date(2025, 3, 30),
                name="Ramadan 1446 H",
                weekly=dict.fromkeys(range(5), ((480, 720), (750, 900))),
            )
        ],
        **extra,
    )


CAL = calendar()


def at(*args, tz=WIB) -> datetime:
    return datetime(*args, tzinfo=tz)


instants = st.datetimes(
    min_value=datetime(2023, 12, 1), max_value=datetime(2026, 1, 31), timezones=st.just(UTC)
)
# bias towards the year ends and the Idul Fitri run of holidays
edge_instants = st.one_of(
    instants,
    st.datetimes(
        min_value=datetime(2024, 12, 20), max_value=datetime(2025, 1, 6), timezones=st.just(WIB)
    ),
    st.datetimes(
        min_value=datetime(2024, 4, 3), max_value=datetime(2024, 4, 17), timezones=st.just(WIB)
    ),
    st.datetimes(
        min_value=datetime(2024, 8, 26), max_value=datetime(2024, 8, 31), timezones=st.just(WIB)
    ),
)
minutes = st.integers(min_value=0, max_value=10_000)


def inside_or_at_end_of_open_span(cal, instant) -> bool:
    return any(
        a < instant <= b
        for a, b in open_intervals(cal, instant - timedelta(days=1), instant + timedelta(days=1))
    )


@settings(max_examples=300, deadline=None)
@given(edge_instants, minutes, minutes)
def test_adding_is_additive(start, a, b):
    once = add_working_minutes(CAL, start, a + b)
    twice = add_working_minutes(CAL, add_working_minutes(CAL, start, a), b)
    assert once == twice


@settings(max_examples=300, deadline=None)
@given(edge_instants, edge_instants, minutes)
def test_adding_is_monotonic_in_start_and_minutes(s1, s2, n):
    early, late = sorted([s1, s2])
    assert add_working_minutes(CAL, early, n) <= add_working_minutes(CAL, late, n)
    assert add_working_minutes(CAL, early, n) <= add_working_minutes(CAL, early, n + 1)


@settings(max_examples=300, deadline=None)
@given(edge_instants, minutes)
def test_a_due_time_never_falls_in_closed_time_unless_nothing_was_added(start, n):
    due = add_working_minutes(CAL, start, n)
    if n == 0:
        assert due == start
    else:
        assert due > start
        assert inside_or_at_end_of_open_span(CAL, due)


@settings(max_examples=300, deadline=None)
@given(edge_instants, minutes)
def test_minutes_between_inverts_adding(start, n):
    assert working_minutes_between(CAL, start, add_working_minutes(CAL, start, n)) == n


@settings(max_examples=200, deadline=None)
@given(edge_instants, edge_instants)
def test_minutes_between_is_never_more_than_the_wall_clock(a, b):
    lo, hi = sorted([a, b])
    between = working_minutes_between(CAL, lo, hi)
    # minutes are floats: allow the last bits of rounding (a microsecond is 1.7e-8 minutes)
    assert 0 <= between <= (hi - lo).total_seconds() / 60 + 1e-9
    assert working_minutes_between(CAL, hi, lo) == -between


@settings(max_examples=200, deadline=None)
@given(edge_instants)
def test_next_opening_is_open_and_nothing_opens_before_it(instant):
    opening = next_opening(CAL, instant)
    assert opening >= instant
    assert is_open(CAL, opening)
    assert working_minutes_between(CAL, instant, opening) == 0


# -- the edges, as a table -------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "minutes", "due"),
    [
        # Friday 15.50 before the long weekend of Isra Mikraj and Imlek 2024 (Thu 8 Feb is a
        # holiday, so take Wednesday 7 Feb 15.50; the desk reopens Monday 12 Feb)
        (at(2024, 2, 7, 15, 50), 10, at(2024, 2, 7, 16, 0)),
        (at(2024, 2, 7, 15, 50), 60, at(2024, 2, 9, 8, 20)),
        # Friday 15.50 before Christmas 2024 weekend (Wed 25 Dec holiday; Fri 27 Dec is open)
        (at(2024, 12, 27, 15, 50), 60, at(2024, 12, 30, 7, 50)),
        # Friday 15.50 before Independence Day weekend: 40 minutes left on Friday
        (at(2024, 8, 16, 15, 50), 60, at(2024, 8, 19, 7, 50)),
        # Friday 15.50 before the Idul Fitri run (collective leave 8-9 and 12-15 Apr 2024)
        (at(2024, 4, 5, 15, 50), 60, at(2024, 4, 16, 7, 50)),
        # 23.30 on the last registration day: 29 minutes until 23.59, the rest on Friday
        (at(2024, 8, 29, 23, 30), 29, at(2024, 8, 29, 23, 59)),
        (at(2024, 8, 29, 23, 30), 60, at(2024, 8, 30, 8, 1)),
        # registration days open at 08.00, not 07.30
        (at(2024, 8, 27, 7, 0), 30, at(2024, 8, 27, 8, 30)),
        # 03.00 on a Sunday: counting starts Monday 07.30
        (at(2024, 9, 1, 3, 0), 30, at(2024, 9, 2, 8, 0)),
        # the lunch break is skipped
        (at(2024, 9, 2, 11, 30), 60, at(2024, 9, 2, 13, 30)),
        # Friday's 90-minute break
        (at(2024, 9, 6, 11, 0), 60, at(2024, 9, 6, 13, 30)),
        # a weekend opening counts
        (at(2024, 9, 6, 16, 20), 30, at(2024, 9, 7, 8, 20)),
        # a partial closure (plenary 13.00-16.00) and a whole-day closure are skipped
        (at(2024, 10, 2, 11, 30), 60, at(2024, 10, 4, 8, 0)),
        # Ramadan hours: the day starts at 08.00
        (at(2025, 3, 3, 7, 0), 30, at(2025, 3, 3, 8, 30)),
        # across the year end: 31 Dec 2024 16.00 -> 2 Jan 2025 (1 Jan is a holiday)
        (at(2024, 12, 31, 16, 0), 1, at(2025, 1, 2, 7, 31)),
        # a whole working week (37.5 h) from Monday opening lands on Friday's close
        (at(2024, 9, 9, 7, 30), 2250, at(2024, 9, 13, 16, 30)),
    ],
)
def test_due_times_at_the_edges(received, minutes, due):
    assert add_working_minutes(CAL, received, minutes) == due


@pytest.mark.parametrize(
    ("tz", "local_start", "due_utc"),
    [
        ("Asia/Jakarta", (2024, 9, 2, 15, 30), datetime(2024, 9, 3, 1, 0, tzinfo=UTC)),
        ("Asia/Makassar", (2024, 9, 2, 15, 30), datetime(2024, 9, 3, 0, 0, tzinfo=UTC)),
        ("Asia/Jayapura", (2024, 9, 2, 15, 30), datetime(2024, 9, 2, 23, 0, tzinfo=UTC)),
    ],
)
def test_each_zone_counts_in_its_own_local_time(tz, local_start, due_utc):
    """WIB, WITA and WIT have no daylight saving: 60 minutes from 15.30 is 07.30+30 next day."""
    cal = calendar(tz)
    start = datetime(*local_start, tzinfo=ZoneInfo(tz))
    due = add_working_minutes(cal, start, 60)
    assert due == due_utc
    assert due.astimezone(ZoneInfo(tz)).strftime("%H.%M") == "08.00"


@pytest.mark.parametrize(
    ("instant", "open_", "opening"),
    [
        (at(2024, 9, 2, 10, 0), True, at(2024, 9, 2, 10, 0)),
        (at(2024, 9, 2, 12, 0), False, at(2024, 9, 2, 13, 0)),
        (at(2024, 9, 2, 16, 0), False, at(2024, 9, 3, 7, 30)),
        (at(2024, 9, 1, 3, 0), False, at(2024, 9, 2, 7, 30)),
        (at(2024, 8, 16, 17, 0), False, at(2024, 8, 19, 7, 30)),
        (at(2024, 8, 29, 23, 30), True, at(2024, 8, 29, 23, 30)),
        (at(2024, 8, 29, 23, 59), False, at(2024, 8, 30, 7, 30)),
        (at(2024, 11, 27, 9, 0), False, at(2024, 11, 28, 7, 30)),
    ],
)
def test_open_now_and_next_opening(instant, open_, opening):
    assert is_open(CAL, instant) is open_
    assert next_opening(CAL, instant) == opening


def test_explanation_names_the_days_counted_and_the_holidays_skipped():
    explained = explain_due(CAL, at(2024, 8, 16, 15, 50), 60)
    data = explained.as_dict()
    assert data["due"] == "2024-08-19T07:50:00+07:00"
    assert [(c["date"], c["spans"], c["minutes"]) for c in data["counted"]] == [
        ("2024-08-16", [["15.50", "16.30"]], 40.0),
        ("2024-08-19", [["07.30", "07.50"]], 20.0),
    ]
    assert [(s["date"], s["reason"]) for s in data["skipped"]] == [("2024-08-17", "holiday")]


def test_explanation_names_partial_and_whole_day_closures():
    data = explain_due(CAL, at(2024, 10, 2, 11, 30), 60).as_dict()
    assert [(s["date"], s["reason"], s["from"]) for s in data["skipped"]] == [
        ("2024-10-02", "partial_closure", "13.00"),
        ("2024-10-03", "closure", None),
    ]


def test_open_intervals_merge_across_midnight_and_clip():
    cal = WorkingCalendar(
        tz="Asia/Jakarta",
        weekly={},
        special_days=[
            SpecialDay(day=date(2024, 9, 7), name="a", spans=((1200, 1440),)),
            SpecialDay(day=date(2024, 9, 8), name="b", spans=((0, 120),)),
        ],
    )
    assert open_intervals(cal, at(2024, 9, 7, 21, 0), at(2024, 9, 9)) == [
        (at(2024, 9, 7, 21, 0), at(2024, 9, 8, 2, 0))
    ]


def test_a_calendar_that_never_opens_refuses_to_count():
    cal = WorkingCalendar(tz="Asia/Jakarta", weekly={})
    with pytest.raises(ValueError, match="no working time"):
        add_working_minutes(cal, at(2024, 1, 1), 1)
    assert next_opening(cal, at(2024, 1, 1), within_days=30) is None


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("07.30-12.00, 11.00-16.00", "overlaps"),
        ("16.00-07.30", "ends before"),
        ("25.00-26.00", "out of range"),
        ("pagi", "not a span"),
    ],
)
def test_bad_hours_are_refused_with_a_reason(text, error):
    with pytest.raises(ValueError, match=error):
        parse_spans_text(text)


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError, match="aware"):
        add_working_minutes(CAL, datetime(2024, 1, 2, 8, 0), 5)  # noqa: DTZ001
