"""SLA clocks on tickets, counted in the office's working time, and the warning sweep."""

import threading
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection

from mejabantu.helpdesk import services
from mejabantu.helpdesk.models import SlaWarning, Ticket
from mejabantu.helpdesk.services.sla import sla_sweep
from mejabantu.mail.models import OutgoingMail
from mejabantu.mail.services import mail_sweep
from mejabantu.offices.business_time import working_minutes_between
from mejabantu.offices.selectors import office_calendar

WIB = ZoneInfo("Asia/Jakarta")


def at(*args):
    return datetime(*args, tzinfo=WIB)


def _ask(users, office, **kwargs):
    ticket, _ = services.ticket_create(
        actor=users["lo-partai-a"],
        office=office,
        subject="Syarat usia",
        body="Berapa?",
        category="persyaratan-calon",
        idempotency_key=uuid.uuid4(),
        **kwargs,
    )
    return Ticket.objects.select_related("office", "category").get(pk=ticket.pk)


def test_question_at_1550_on_friday_is_due_monday_morning(users, office):
    with time_machine.travel(at(2024, 8, 23, 15, 50), tick=False):
        ticket = _ask(users, office)
    # 40 working minutes on Friday (until 16.30), 200 more from Monday 07.30
    assert ticket.first_response_due == at(2024, 8, 26, 10, 50)
    assert ticket.sla_state == "ok" and ticket.sla_due == ticket.first_response_due


def test_waiting_on_the_requester_pauses_the_clock(users, office):
    with time_machine.travel(at(2024, 8, 26, 8, 0), tick=False):
        ticket = _ask(users, office)
    with time_machine.travel(at(2024, 8, 26, 8, 10), tick=False):
        services.message_add(ticket=ticket, actor=users["petugas1"], body="Kirim datanya.")
        ticket.refresh_from_db()
        due_before = ticket.resolution_due
    with time_machine.travel(at(2024, 8, 26, 9, 0), tick=False):
        services.ticket_update(
            ticket=ticket, actor=users["petugas1"], expected_version=None, status="waiting"
        )
        ticket.refresh_from_db()
        assert ticket.sla_state == "paused" and ticket.sla_due is not None
    with time_machine.travel(at(2024, 8, 28, 10, 0), tick=False):
        services.message_add(ticket=ticket, actor=users["lo-partai-a"], body="Ini datanya.")
        ticket.refresh_from_db()
    paused = working_minutes_between(
        office_calendar(office), at(2024, 8, 26, 9, 0), at(2024, 8, 28, 10, 0)
    )
    shift = working_minutes_between(office_calendar(office), due_before, ticket.resolution_due)
    assert ticket.status == "in_progress"
    assert paused > 0 and abs(shift - paused) < 1


def test_open_queue_sorts_by_due_time(client, users, office):
    with time_machine.travel(at(2024, 8, 26, 9, 0), tick=False):
        normal = _ask(users, office)
        urgent = _ask(users, office, priority="normal")
        services.ticket_update(
            ticket=urgent, actor=users["petugas1"], expected_version=None, priority="urgent"
        )
        client.force_login(users["petugas1"])
        page = client.get("/tiket/?queue=open").content.decode()
    assert page.index(urgent.reference) < page.index(normal.reference)


def _breach(users, office):
    with time_machine.travel(at(2024, 8, 26, 9, 0), tick=False):
        ticket = _ask(users, office)
        services.ticket_update(
            ticket=ticket,
            actor=users["koordinator"],
            expected_version=None,
            assignee=users["petugas2"],
        )
    return ticket


@pytest.mark.django_db(transaction=True)
def test_two_workers_send_exactly_one_warning_per_threshold(demo, users, office, mailbox):
    ticket = _breach(users, office)
    OutgoingMail.objects.all().delete()
    with time_machine.travel(at(2024, 9, 10, 9, 0), tick=False):
        if connection.vendor == "postgresql":
            barrier = threading.Barrier(2)
            errors = []

            def worker():
                try:
                    barrier.wait()
                    sla_sweep()
                except Exception as exc:  # surfaced below
                    errors.append(exc)
                finally:
                    connection.close()

            threads = [threading.Thread(target=worker) for _ in range(2)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            assert errors == []
        else:  # SQLite serialises writers: two sweeps one after the other
            sla_sweep()
            sla_sweep()
        sla_sweep()
    warnings = set(SlaWarning.objects.filter(ticket=ticket).values_list("clock", "threshold"))
    assert warnings == {
        ("first_response", "warning"),
        ("first_response", "breached"),
        ("resolution", "warning"),
        ("resolution", "breached"),
    }
    # first seen long past due: "past due" only, per clock, to the assignee and the
    # coordinator; "due soon" is recorded as passed and never sent
    assert mail_sweep() == 4
    received = mailbox.wait_for(4)
    assert len(received) == 4
    assert len(mailbox.to(users["petugas2"].email)) == 2
    assert len(mailbox.to(users["koordinator"].email)) == 2
    assert all("Lewat batas waktu" in m["Subject"] for m in received)
    body = received[0].get_payload(decode=True).decode()
    assert "lewat batas sejak" in body and "%" not in body


@pytest.mark.django_db(transaction=True)
def test_a_clock_watched_on_time_warns_before_it_is_late(demo, users, office, mailbox):
    ticket = _breach(users, office)
    first_response_due = Ticket.objects.get(pk=ticket.pk).first_response_due
    OutgoingMail.objects.all().delete()
    with time_machine.travel(first_response_due - timedelta(minutes=5), tick=False):
        assert sla_sweep() == 1  # first response: due soon
    with time_machine.travel(first_response_due + timedelta(minutes=1), tick=False):
        assert sla_sweep() == 1  # and now late
    assert mail_sweep() == 4
    subjects = [m["Subject"] for m in mailbox.wait_for(4)]
    assert sorted(subjects) == sorted(
        [f"[{ticket.reference}] Hampir jatuh tempo"] * 2
        + [f"[{ticket.reference}] Lewat batas waktu"] * 2
    )


def test_api_carries_due_times_and_state(client, users, office):
    token = client.post(
        "/api/v1/auth/token",
        {"username": "petugas1", "password": "mejabantu-demo"},
        content_type="application/json",
    ).json()["token"]
    with time_machine.travel(at(2024, 8, 23, 15, 50), tick=False):
        ticket = _ask(users, office)
        data = client.get(
            f"/api/v1/tickets/{ticket.reference}", headers={"Authorization": f"Bearer {token}"}
        ).json()
    assert data["first_response_due"].startswith("2024-08-26T03:50")
    assert data["sla_state"] == "ok"


def test_ticket_page_explains_the_due_time(client, users, office):
    with time_machine.travel(at(2024, 8, 23, 15, 50), tick=False):
        ticket = _ask(users, office)
        client.force_login(users["petugas1"])
        page = client.get(ticket.get_absolute_url()).content.decode()
        clocks = client.get(f"{ticket.get_absolute_url()}jam/").content.decode()
    assert "Senin, 26 Agustus 2024 10.50 WIB" in page  # the stored due time, on the page
    assert "Senin, 26 Agustus 2024 10.50 WIB" in clocks and "Mengapa" in clocks


def test_question_sent_while_closed_says_when_it_will_be_read(client, users, office):
    client.force_login(users["lo-partai-a"])
    with time_machine.travel(at(2024, 8, 25, 3, 0), tick=False):  # Sunday night
        form = client.get("/tiket/tanya/").content.decode()
        assert "Tutup" in form
        key = form.split('name="idempotency_key" value="')[1].split('"')[0]
        page = client.post(
            "/tiket/tanya/",
            {
                "category": "jadwal",
                "subject": "Jadwal",
                "body": "Kapan?",
                "idempotency_key": key,
            },
            follow=True,
        ).content.decode()
    assert "Senin, 26 Agustus 2024 07.30 WIB" in page
    assert Ticket.objects.get().received_at == at(2024, 8, 25, 3, 0)
