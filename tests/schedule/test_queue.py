"""The walk-in queue: numbers per service, calling the next, every visit becomes a ticket."""

import pytest

from mejabantu.helpdesk.models import Ticket
from mejabantu.schedule import services
from mejabantu.schedule.models import QueueNumber
from tests.schedule.conftest import NOW

pytestmark = pytest.mark.django_db


def test_numbers_count_per_service_and_are_called_in_order(office, users, frozen_now):
    officer = users["petugas1"]
    labels = [services.queue_issue(actor=officer, office=office, service=s).label for s in "KKDK"]
    assert labels == ["K-001", "K-002", "D-001", "K-003"]
    called = services.queue_call_next(actor=officer, office=office, service="K")
    assert called.label == "K-001" and called.status == QueueNumber.Status.CALLED
    assert services.queue_call_next(actor=users["petugas2"], office=office, service="K").label == (
        "K-002"
    )


def test_served_visitor_becomes_a_walk_in_ticket_with_arrival_time(office, users, frozen_now):
    import time_machine

    with time_machine.travel(NOW, tick=False):
        _serve_one(office, users)


def _serve_one(office, users):
    officer = users["petugas1"]
    org = users["lo-partai-a"].organisation
    number = services.queue_issue(
        actor=officer, office=office, service="D", visitor_name="Pak Rudi", organisation=org
    )
    services.queue_call_next(actor=officer, office=office, service="D")
    number.refresh_from_db()
    served = services.queue_serve(
        actor=officer,
        number=number,
        subject="Penyerahan dokumen perbaikan",
        body="Menyerahkan surat keterangan; sudah diterima petugas.",
    )
    ticket = Ticket.objects.get(pk=served.ticket_id)
    assert ticket.channel == "desk" and ticket.received_at == NOW
    assert ticket.organisation == org and ticket.requester_name == "Pak Rudi"
    assert "D-001: datang 09.00, dipanggil 09.00, selesai 09.00 WIB" in ticket.body
    assert served.status == QueueNumber.Status.SERVED and served.served_at is not None
    again = services.queue_serve(actor=officer, number=served, subject="x", body="y")
    assert again.ticket_id == ticket.pk and Ticket.objects.count() == 1


def test_calling_an_empty_queue_says_nobody_waits(office, users, frozen_now):
    with pytest.raises(services.ScheduleError) as refused:
        services.queue_call_next(actor=users["petugas1"], office=office, service="K")
    assert refused.value.messages


def test_party_operator_cannot_issue_numbers(office, users, frozen_now):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.queue_issue(actor=users["lo-partai-a"], office=office, service="K")


def test_public_display_refreshes_itself(client, office, users, frozen_now):
    services.queue_issue(actor=users["petugas1"], office=office, service="K")
    services.queue_call_next(actor=users["petugas1"], office=office, service="K", desk="Meja 2")
    page = client.get("/jadwal/19.02/layar/")
    html = page.content.decode()
    assert 'hx-trigger="every 5s"' in html and "K-001" in html
    fragment = client.get("/jadwal/19.02/layar/", HTTP_HX_REQUEST="true").content.decode()
    assert fragment.lstrip().startswith('<div id="board"') and "Meja 2" in fragment


def test_the_console_shows_a_called_walk_in_without_a_name_or_party(
    client, office, users, frozen_now
):
    services.queue_issue(actor=users["petugas1"], office=office, service="K")  # no one named
    services.queue_call_next(actor=users["petugas1"], office=office, service="K", desk="Meja 1")
    client.force_login(users["petugas1"])
    page = client.get("/jadwal/antrean/")
    assert page.status_code == 200
    assert "K-001 · —" in page.content.decode()
