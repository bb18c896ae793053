"""Booking, moving, cancelling and confirming consultations against the office's hours."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied

from mejabantu.schedule import selectors, services
from mejabantu.schedule.models import Appointment, SlotSettings
from tests.schedule.conftest import NOW, wib

pytestmark = pytest.mark.django_db


def test_slots_follow_the_office_hours_and_skip_the_lunch_break(office, frozen_now):
    slots = selectors.slots_between(office, wib(2024, 9, 3), wib(2024, 9, 4))
    starts = [s.starts_at.astimezone(NOW.tzinfo).strftime("%H.%M") for s in slots]
    assert starts[0] == "07.30" and starts[-1] == "15.30"
    assert "12.00" not in starts and "12.30" not in starts and "13.00" in starts
    assert all(s.free == 2 for s in slots)  # two officers on duty in the demo office


def test_no_slots_on_a_sunday(office, frozen_now):
    assert selectors.slots_between(office, wib(2024, 9, 8), wib(2024, 9, 9)) == []


def test_party_operator_books_the_lowest_free_place(book, users):
    first = book(wib(2024, 9, 3, 10, 0))
    second = book(wib(2024, 9, 3, 10, 0), username="lo-partai-b")
    assert (first.place, second.place) == (1, 2)
    assert first.organisation.code == "pdip-belitung"
    assert first.status == Appointment.Status.REQUESTED


@pytest.mark.parametrize(
    ("starts_at", "code", "words"),
    [
        (wib(2024, 9, 2, 8, 0), "past", "sudah lewat"),
        (wib(2024, 9, 2, 9, 30), "notice", "60 menit"),
        (wib(2024, 9, 30, 10, 0), "horizon", "14 hari"),
        (wib(2024, 9, 7, 10, 0), "closed", "tidak membuka"),
        (wib(2024, 9, 3, 12, 0), "closed", "tidak membuka"),
        (wib(2024, 9, 3, 10, 10), "closed", "tidak membuka"),
    ],
    ids=["past", "too-soon", "beyond-horizon", "saturday", "lunch-break", "not-a-slot-start"],
)
def test_booking_outside_the_window_is_refused_in_indonesian(book, starts_at, code, words):
    with pytest.raises(services.ScheduleError) as refused:
        book(starts_at)
    assert refused.value.code == code
    assert words in refused.value.messages[0]


def test_a_full_slot_refuses_the_next_party(book, office, users):
    SlotSettings.objects.update_or_create(office=office, defaults={"capacity": 1})
    book(wib(2024, 9, 3, 10, 0))
    with pytest.raises(services.ScheduleError) as refused:
        book(wib(2024, 9, 3, 10, 0), username="lo-partai-b")
    assert refused.value.code == "full"


def test_one_organisation_cannot_take_two_places_in_a_slot(book):
    book(wib(2024, 9, 3, 10, 0))
    with pytest.raises(services.ScheduleError) as refused:
        book(wib(2024, 9, 3, 10, 0))
    assert refused.value.code == "twice"


def test_cancelling_frees_the_place_for_another_party(book, office, users):
    SlotSettings.objects.update_or_create(office=office, defaults={"capacity": 1})
    mine = book(wib(2024, 9, 3, 10, 0))
    services.appointment_cancel(actor=users["lo-partai-a"], appointment=mine)
    theirs = book(wib(2024, 9, 3, 10, 0), username="lo-partai-b")
    assert theirs.place == 1
    mine.refresh_from_db()
    assert mine.status == Appointment.Status.CANCELLED


def test_moving_a_booking_keeps_it_and_asks_for_confirmation_again(book, users):
    booking = book(wib(2024, 9, 3, 10, 0), topic="Syarat dukungan")
    services.appointment_confirm(actor=users["petugas1"], appointment=booking)
    moved = services.appointment_reschedule(
        actor=users["lo-partai-a"], appointment=booking, starts_at=wib(2024, 9, 4, 13, 30)
    )
    assert moved.pk == booking.pk and moved.topic == "Syarat dukungan"
    assert moved.slot.starts_at == wib(2024, 9, 4, 13, 30)
    assert moved.status == Appointment.Status.REQUESTED


def test_moving_into_a_full_slot_is_refused_and_the_old_booking_stays(book, office, users):
    SlotSettings.objects.update_or_create(office=office, defaults={"capacity": 1})
    mine = book(wib(2024, 9, 3, 10, 0))
    book(wib(2024, 9, 3, 10, 30), username="lo-partai-b")
    with pytest.raises(services.ScheduleError):
        services.appointment_reschedule(
            actor=users["lo-partai-a"], appointment=mine, starts_at=wib(2024, 9, 3, 10, 30)
        )
    mine.refresh_from_db()
    assert mine.slot.starts_at == wib(2024, 9, 3, 10, 0) and mine.is_active


def test_only_the_office_confirms_and_other_parties_cannot_touch_a_booking(book, users):
    booking = book(wib(2024, 9, 3, 10, 0))
    with pytest.raises(PermissionDenied):
        services.appointment_confirm(actor=users["lo-partai-a"], appointment=booking)
    with pytest.raises(PermissionDenied):
        services.appointment_cancel(actor=users["lo-partai-b"], appointment=booking)
    confirmed = services.appointment_confirm(actor=users["petugas2"], appointment=booking)
    assert confirmed.status == Appointment.Status.CONFIRMED
    assert confirmed.confirmed_by == users["petugas2"]


def test_officer_books_for_a_party_from_its_ticket(book, office, users):
    from mejabantu.helpdesk.services import ticket_create

    ticket, _ = ticket_create(
        actor=users["lo-partai-a"],
        office=office,
        subject="Konsultasi syarat",
        body="Kami ingin datang membahas dokumen.",
        category="jadwal",
    )
    booking = book(
        wib(2024, 9, 3, 10, 0),
        username="petugas1",
        organisation=users["lo-partai-a"].organisation,
        ticket=ticket,
    )
    assert booking.organisation == users["lo-partai-a"].organisation
    visible = selectors.appointments_visible_to(users["lo-partai-a"])
    assert list(visible) == [booking]
    assert list(selectors.appointments_visible_to(users["lo-partai-b"])) == []


def test_slot_capacity_counts_officers_on_duty(office, users, frozen_now):
    users["petugas2"].on_duty = False
    users["petugas2"].save()
    slots = selectors.slots_between(office, wib(2024, 9, 3), wib(2024, 9, 4))
    assert {s.capacity for s in slots} == {1}


def test_booking_horizon_is_measured_from_now(book, office):
    SlotSettings.objects.update_or_create(office=office, defaults={"horizon_days": 3})
    book(NOW + timedelta(days=2, hours=1))  # Wednesday 10.00
    with pytest.raises(services.ScheduleError):
        book(wib(2024, 9, 6, 10, 0))


def test_confirming_never_redirects_off_site(client, book, users):
    from tests.schedule.conftest import wib

    booking = book(wib(2024, 9, 3, 10, 0))
    client.force_login(users["petugas1"])
    response = client.post(
        f"/jadwal/janji/{booking.pk}/konfirmasi/", {"next": "https://evil.example/masuk"}
    )
    assert response.status_code == 302
    assert response["Location"] == booking.get_absolute_url()
    response = client.post(f"/jadwal/janji/{booking.pk}/konfirmasi/", {"next": "/jadwal/"})
    assert response["Location"] in ("/jadwal/", booking.get_absolute_url())
