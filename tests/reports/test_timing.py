"""Median, p90 and pauses of the waits (pure arithmetic)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mejabantu.offices.sla import Pause
from mejabantu.reports.timing import median, p90, paused_spans, percent

WIB = ZoneInfo("Asia/Jakarta")


def h(hour, minute=0):
    return datetime(2024, 8, 26, hour, minute, tzinfo=WIB)


@pytest.mark.parametrize(
    ("values", "mid", "high"),
    [
        ([], None, None),
        ([7], 7.0, 7.0),
        ([10, 60, 100], 60.0, 100.0),
        ([90, 130], 110.0, 130.0),
        (list(range(1, 11)), 5.5, 9.0),  # nearest rank: the 9th of 10
        (list(range(1, 101)), 50.5, 90.0),
        (list(range(1, 12)), 6.0, 10.0),  # ceil(9.9) = the 10th of 11
    ],
)
def test_median_and_p90_by_nearest_rank(values, mid, high):
    assert (median(values), p90(values)) == (mid, high)


@given(st.lists(st.floats(min_value=0, max_value=1e6), min_size=1, max_size=50))
def test_p90_is_one_of_the_values_and_not_below_the_median(values):
    assert p90(values) in {round(v, 1) for v in values}
    assert p90(values) >= median(values) - 0.1


def test_pauses_are_clipped_and_merged():
    pauses = [Pause(h(9), h(10)), Pause(h(9, 30), h(11)), Pause(h(15), None), Pause(h(6), h(7))]
    assert paused_spans(pauses, h(8), h(16)) == [(h(9), h(11)), (h(15), h(16))]


def test_percent_of_nothing_is_none():
    assert (percent(3, 4), percent(0, 0), percent(1, 3)) == (75.0, None, 33.3)
