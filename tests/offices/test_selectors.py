"""The office calendar built from the database, the SLA policy lookup and the demo hours."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from mejabantu.offices import services
from mejabantu.offices.business_time import add_working_minutes
from mejabantu.offices.hours import is_open_now, open_intervals_for, opening_status
from mejabantu.offices.models import Closure, HoursChange, Office
from mejabantu.offices.selectors import office_calendar, sla_policy_for, upcoming_entries

WIB = ZoneInfo("Asia/Jakarta")
pytestmark = pytest.mark.django_db


def at(*args):
    return datetime(*args, tzinfo=WIB)


def test_demo_offices_have_government_hours_marked_unconfirmed(offices):
    for code in ("ri", "19", "19.02"):
        office = Office.objects.get(code=code)
        assert not office.hours_confirmed
        assert is_open_now(office, at(2024, 9, 2, 10, 0))
        assert not is_open_now(office, at(2024, 9, 2, 12, 30))


def test_demo_loader_is_idempotent(offices):
    from mejabantu.offices import demo as offices_demo

    before = HoursChange.objects.count()
    offices_demo.load()
    assert HoursChange.objects.count() == before


def test_belitung_registration_days_replace_the_week(office):
    assert open_intervals_for(office, at(2024, 8, 29), at(2024, 8, 30)) == [
        (at(2024, 8, 29, 8, 0), at(2024, 8, 29, 23, 59))
    ]


def test_the_2024_pilkada_voting_day_is_a_national_holiday(office):
    assert not is_open_now(office, at(2024, 11, 27, 10, 0))
    entries = upcoming_entries(office, date(2024, 11, 20), days=10)
    assert [(e.date, e.kind) for e in entries] == [(date(2024, 11, 27), "holiday")]


def test_a_change_rebuilds_the_cached_calendar(office, users):
    before = office_calendar(office)
    assert office_calendar(office) is before
    services.closure_create(
        office=office,
        actor=users["koordinator"],
        day=date(2024, 9, 3),
        name="Cuti bersama",
        kind=Closure.Kind.COLLECTIVE_LEAVE,
    )
    office.refresh_from_db()
    after = office_calendar(office)
    assert after is not before
    assert not is_open_now(office, at(2024, 9, 3, 10, 0))
    assert add_working_minutes(after, at(2024, 9, 2, 15, 0), 120) == at(2024, 9, 4, 8, 30)
    change = HoursChange.objects.first()
    assert change.actor == users["koordinator"]
    assert change.after["name"] == "Cuti bersama"


def test_a_partial_closure_cuts_a_span_out_of_the_day(office, users):
    services.closure_create(
        office=office,
        actor=users["koordinator"],
        day=date(2024, 9, 3),
        name="Rapat pleno",
        start=time(13, 0),
        end=time(15, 0),
    )
    office.refresh_from_db()
    assert not is_open_now(office, at(2024, 9, 3, 14, 0))
    assert is_open_now(office, at(2024, 9, 3, 15, 30))


@pytest.mark.parametrize(
    ("category", "priority", "expected_first_response"),
    [
        ("silon", "normal", 120),  # category rule
        ("silon", "urgent", 120),  # category beats priority
        ("dokumen", "urgent", 60),  # priority rule
        ("dokumen", "normal", 240),  # catch-all
    ],
)
def test_the_most_specific_sla_policy_wins(office, category, priority, expected_first_response):
    assert sla_policy_for(office, category, priority).first_response_minutes == (
        expected_first_response
    )


def test_an_office_without_policies_has_none(offices):
    assert sla_policy_for(Office.objects.get(code="ri"), "silon", "normal") is None


@pytest.mark.parametrize(
    ("now", "is_open", "until", "opens_at"),
    [
        (at(2024, 9, 2, 10, 0), True, at(2024, 9, 2, 12, 0), None),
        (at(2024, 9, 6, 14, 0), True, at(2024, 9, 6, 16, 30), None),
        (at(2024, 9, 1, 3, 0), False, None, at(2024, 9, 2, 7, 30)),
        (at(2024, 8, 29, 20, 0), True, at(2024, 8, 29, 23, 59), None),
    ],
)
def test_opening_status(office, now, is_open, until, opens_at):
    status = opening_status(office, now)
    assert (status.open, status.until, status.opens_at) == (is_open, until, opens_at)


def test_a_due_time_is_explained_in_indonesian(office):
    from mejabantu.offices.business_time import explain_due
    from mejabantu.offices.hours import explanation_text
    from mejabantu.offices.sla import Pause, compute_clock

    data = explain_due(office_calendar(office), at(2024, 8, 16, 15, 50), 60).as_dict()
    text = explanation_text(data, office)
    assert text.counted == [
        "Jumat, 16 Agustus 2024: 15.50–16.30 (40 menit)",
        "Senin, 19 Agustus 2024: 07.30–07.50 (20 menit)",
    ]
    assert text.skipped == [
        "Sabtu, 17 Agustus 2024: Hari Kemerdekaan Republik Indonesia (hari libur)"
    ]
    clock = compute_clock(
        office_calendar(office),
        started_at=at(2024, 9, 2, 8, 0),
        target_minutes=60,
        now=at(2024, 9, 2, 10, 0),
        pauses=[Pause(at(2024, 9, 2, 8, 30), at(2024, 9, 2, 9, 0))],
    )
    paused = explanation_text(clock.explanation, office)
    assert paused.pauses == [
        "dihentikan Senin, 2 September 2024 08.30 WIB – Senin, 2 September 2024 09.00 WIB"
    ]


def test_ticket_clocks_follow_the_office_policy_and_pause_while_waiting(office):
    from mejabantu.offices.hours import Pause, ticket_clocks_for

    # a Silon question at 22.00 on the last registration day; first response within 120
    # working minutes: 119 counted until 23.59, then waiting on the requester from Friday 07.30
    clocks = ticket_clocks_for(
        office,
        category_code="silon",
        priority="normal",
        received_at=at(2024, 8, 29, 22, 0),
        now=at(2024, 8, 30, 9, 0),
        pauses=[Pause(at(2024, 8, 30, 7, 30), None, "waiting_requester")],
    )
    assert clocks.first_response.state == "paused"
    assert clocks.first_response.elapsed_minutes == 119
    assert clocks.first_response.due == at(2024, 8, 30, 9, 1)  # if it resumed now
    unpaused = ticket_clocks_for(
        office,
        category_code="silon",
        priority="normal",
        received_at=at(2024, 8, 29, 22, 0),
        now=at(2024, 8, 30, 9, 0),
    )
    assert unpaused.first_response.state == "breached"
    assert unpaused.first_response.due == at(2024, 8, 30, 7, 31)
    ri = Office.objects.get(code="ri")
    assert (
        ticket_clocks_for(ri, category_code="silon", priority="", received_at=at(2024, 8, 29))
        is None
    )
