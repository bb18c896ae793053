"""The demo schedule loads through the services, twice without change."""

import pytest

from mejabantu.schedule import demo, selectors
from mejabantu.schedule.models import Appointment, Event, Stage

pytestmark = pytest.mark.django_db


def test_demo_schedule_loads_idempotently_with_a_flagged_conflict(office):
    demo.load()
    demo.load()
    assert Stage.objects.filter(office=None).count() == 18
    assert Event.objects.filter(office=office).count() == 3
    rehearsal = Event.objects.get(kind=Event.Kind.REHEARSAL)
    assert rehearsal.starts_at.date().isoformat() == "2024-08-26"
    assert rehearsal.invited.filter(code="pdip-belitung").exists()
    assert Appointment.objects.count() == 6
    plan = selectors.registration_plan(office, [])
    days = selectors.registration_plan(
        office,
        [a.slot.starts_at.date() for a in Appointment.objects.filter(slot__kind="registration")],
    )
    assert plan == [] and days[0].conflicts[0].code == "coalition-split"
    assert days[0].conflicts[0].party == "gerindra"
