"""No double booking: twenty parties racing for the last place get exactly one booking."""

import threading

import pytest
from django.db import connection

from mejabantu.accounts.models import Organisation, User
from mejabantu.schedule import services
from mejabantu.schedule.models import Appointment, SlotSettings
from tests.schedule.conftest import wib

pytestmark = pytest.mark.postgres

RACERS = 20


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the race needs separate PostgreSQL connections"
)
def test_twenty_parallel_requests_for_the_last_place_make_exactly_one_booking(
    transactional_db, office, users, frozen_now
):
    SlotSettings.objects.update_or_create(office=office, defaults={"capacity": 3})
    slot_start = wib(2024, 9, 3, 10, 0)
    services.appointment_book(actor=users["lo-partai-a"], office=office, starts_at=slot_start)
    services.appointment_book(actor=users["lo-partai-b"], office=office, starts_at=slot_start)
    racers = []
    for i in range(RACERS):
        org = Organisation.objects.create(
            code=f"tim-uji-{i}", name=f"Tim Uji {i}", office=office, kind="other"
        )
        racers.append(
            User.objects.create(username=f"lo-uji-{i}", role=User.Role.OPERATOR, organisation=org)
        )
    barrier = threading.Barrier(RACERS)
    outcomes: list[str] = []
    lock = threading.Lock()

    def race(user):
        try:
            barrier.wait()
            services.appointment_book(actor=user, office=office, starts_at=slot_start)
            result = "booked"
        except services.ScheduleError as exc:
            result = exc.code
        except Exception as exc:  # noqa: BLE001 - reported in the assertion below
            result = repr(exc)
        finally:
            connection.close()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=race, args=(u,)) for u in racers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(outcomes) == ["booked"] + ["full"] * (RACERS - 1)
    active = Appointment.objects.filter(slot__starts_at=slot_start).exclude(status="cancelled")
    assert sorted(active.values_list("place", flat=True)) == [1, 2, 3]
