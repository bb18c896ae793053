"""The day-before reminder goes through the outbox and the worker to a real SMTP server."""

import pytest
from django.core.management import call_command

from mejabantu.schedule import services
from tests.schedule.conftest import wib

pytestmark = pytest.mark.django_db


def test_reminder_arrives_once_the_day_before(transactional_db, mailbox, book, users):
    # transactional: the worker closes "old" connections, which on PostgreSQL would end the
    # connection a plain db test keeps open in its transaction.
    users["lo-partai-a"].email = "dewi@pdip-belitung.example"
    users["lo-partai-a"].save()
    booking = book(wib(2024, 9, 4, 10, 0), topic="Dokumen dukungan")
    far = book(wib(2024, 9, 6, 10, 0))
    assert services.appointment_reminders_send(now=wib(2024, 9, 3, 11, 0)) == 1
    assert services.appointment_reminders_send(now=wib(2024, 9, 3, 11, 5)) == 0
    call_command("worker", "--once")
    received = mailbox.wait_for(1)
    assert len(received) == 1
    body = mailbox.body(received[0])
    assert "Rabu, 4 September 2024 10.00–10.30 WIB" in body
    assert "Dokumen dukungan" in body
    assert received[0]["X-Envelope-To"] == "dewi@pdip-belitung.example"
    booking.refresh_from_db()
    far.refresh_from_db()
    assert booking.reminded_at is not None and far.reminded_at is None


def test_reminder_is_in_indonesian_after_the_process_served_an_english_page(book, client):
    from mejabantu.schedule.notify import reminder_text

    booking = book(wib(2024, 9, 4, 10, 0))
    client.cookies["django_language"] = "en"
    assert "Sign in" in client.get("/akun/masuk/").content.decode()  # leaves English active
    subject, body = reminder_text(booking)
    assert subject.startswith("Pengingat") and "Rabu, 4 September 2024" in body


def test_cancelled_booking_gets_no_reminder(book, users):
    booking = book(wib(2024, 9, 4, 10, 0))
    services.appointment_cancel(actor=users["lo-partai-a"], appointment=booking)
    assert services.appointment_reminders_send(now=wib(2024, 9, 3, 11, 0)) == 0


def test_reminders_are_a_periodic_job_of_the_worker():
    from mejabantu.core import periodic

    job = periodic.REGISTRY["schedule.reminders"]
    assert job.func is services.appointment_reminders_send and job.every_seconds <= 900
