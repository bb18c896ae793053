"""The schedule pages as parties, officers and the public use them."""

import pytest

from mejabantu.schedule import demo, services
from mejabantu.schedule.models import Appointment, Event
from tests.schedule.conftest import wib

pytestmark = pytest.mark.django_db


@pytest.fixture
def schedule_demo(office):
    demo.load()


def test_public_timeline_marks_today_and_links_the_knowledge_base(
    client, schedule_demo, monkeypatch
):
    monkeypatch.setenv("MEJABANTU_FAKE_NOW", "2024-08-28T10:00:00+07:00")
    html = client.get("/jadwal/19.02/").content.decode()
    assert 'data-testid="today"' in html and "28 Agustus 2024" in html
    assert 'href="/pengetahuan/?stage=pendaftaran"' in html
    assert "Tanggal belum pasti" in html  # the quiet period
    open_now = html.split('data-testid="open-now"')[1].split("</section>")[0]
    assert "Pendaftaran pasangan calon" in open_now and "Masa kampanye" not in open_now
    assert "Rapat Pokja" not in html  # internal meetings stay internal
    assert client.get("/jadwal/").status_code == 200
    assert "Sedang berlangsung" in open_now
    stages = html.split('data-testid="timeline"')[1]
    registration = stages.split('data-stage="pendaftaran"')[1].split("</li>")[0]
    assert "selesai" not in registration  # running
    past = stages.split('data-stage="pendaftaran"')[0]
    assert past.count('data-testid="stage-past"') >= 1 and "selesai" in past
    client.cookies["django_language"] = "en"
    english = client.get("/jadwal/19.02/").content.decode()
    assert "Under way now" in english and "Open now" not in english  # stages, not the desk


def test_party_books_moves_and_cancels_with_plain_posts(client, users, office, frozen_now):
    client.force_login(users["lo-partai-a"])
    page = client.get("/jadwal/konsultasi/?day=2024-09-03").content.decode()
    assert 'data-testid="slot-10.00"' in page
    response = client.post(
        "/jadwal/konsultasi/pesan/",
        {"starts_at": "2024-09-03T10:00:00+07:00", "topic": "Dokumen B.1-KWK"},
    )
    booking = Appointment.objects.get()
    assert response.status_code == 302 and response["Location"] == booking.get_absolute_url()
    client.post(f"/jadwal/janji/{booking.pk}/pindah/", {"starts_at": "2024-09-04T08:00:00+07:00"})
    booking.refresh_from_db()
    assert booking.slot.starts_at == wib(2024, 9, 4, 8, 0)
    client.post(f"/jadwal/janji/{booking.pk}/batal/")
    booking.refresh_from_db()
    assert booking.status == Appointment.Status.CANCELLED


def test_refused_booking_keeps_the_topic_and_explains(client, users, office, frozen_now):
    client.force_login(users["lo-partai-a"])
    response = client.post(
        "/jadwal/konsultasi/pesan/",
        {"starts_at": "2024-09-07T10:00:00+07:00", "topic": "Syarat usia calon"},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Syarat usia calon" in html and "tidak membuka layanan konsultasi" in html


def test_day_picker_swaps_only_the_slots_for_htmx(client, users, office, frozen_now):
    client.force_login(users["lo-partai-a"])
    html = client.get("/jadwal/konsultasi/?day=2024-09-04", HTTP_HX_REQUEST="true").content
    assert html.decode().startswith('<div id="slots"') and b"<html" not in html


def test_party_cannot_open_another_partys_booking(client, users, book):
    booking = book(wib(2024, 9, 3, 10, 0))
    client.force_login(users["lo-partai-b"])
    assert client.get(f"/jadwal/janji/{booking.pk}/").status_code == 404
    assert client.post(f"/jadwal/janji/{booking.pk}/batal/").status_code == 404


def test_officer_confirms_from_the_list(client, users, book):
    booking = book(wib(2024, 9, 3, 10, 0))
    client.force_login(users["petugas1"])
    assert "PDI Perjuangan" in client.get("/jadwal/konsultasi/").content.decode()
    client.post(f"/jadwal/janji/{booking.pk}/konfirmasi/", {"next": "/jadwal/konsultasi/"})
    booking.refresh_from_db()
    assert booking.status == Appointment.Status.CONFIRMED


def test_ticket_page_shows_its_consultations(client, users, office, book):
    from mejabantu.helpdesk.services import ticket_create

    ticket, _ = ticket_create(
        actor=users["lo-partai-a"],
        office=office,
        subject="Konsultasi dokumen",
        body="Kami ingin datang.",
        category="jadwal",
    )
    book(wib(2024, 9, 3, 10, 0), ticket=ticket)
    client.force_login(users["lo-partai-a"])
    html = client.get(ticket.get_absolute_url()).content.decode()
    assert 'data-testid="ticket-appointments"' in html and "3 September 2024 10.00" in html


def test_office_sees_the_registration_day_plan_with_conflicts(client, users, schedule_demo):
    client.force_login(users["petugas1"])
    html = client.get("/jadwal/pendaftaran/").content.decode()
    assert 'data-testid="conflicts"' in html and "gerindra" in html
    assert "Isyak Meirobie" in html and 'class="conflict"' in html
    client.force_login(users["lo-partai-a"])
    html = client.get("/jadwal/pendaftaran/").content.decode()
    assert 'data-testid="conflicts"' not in html and "Isyak Meirobie" not in html


def test_attendance_is_taken_at_the_door_with_htmx(client, users, schedule_demo):
    event = Event.objects.get(kind=Event.Kind.OUTREACH)
    client.force_login(users["petugas1"])
    response = client.post(
        f"/jadwal/acara/{event.pk}/hadir/",
        {"name": "Dewi Lestari", "organisation": users["lo-partai-a"].organisation_id},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="attendance"') and "Dewi Lestari" in html
    assert event.attendance.count() == 1


def test_internal_meeting_is_hidden_from_parties(client, users, schedule_demo):
    meeting = Event.objects.get(kind=Event.Kind.WORKING_GROUP)
    client.force_login(users["lo-partai-a"])
    assert client.get(f"/jadwal/acara/{meeting.pk}/").status_code == 404
    client.force_login(users["petugas1"])
    assert client.get(f"/jadwal/acara/{meeting.pk}/").status_code == 200


def test_feed_page_shows_a_new_address_once(client, users, office):
    client.force_login(users["lo-partai-a"])
    html = client.post("/jadwal/kalender/", {"create": "1"}).content.decode()
    assert "/jadwal/kalender/" in html and ".ics" in html
    assert services.calendar_feed_by_token("nope") is None


def test_office_booking_list_has_a_bounded_number_of_queries(
    client, users, office, book, django_assert_max_num_queries
):
    from mejabantu.accounts.models import Organisation

    for i in range(8):
        org = Organisation.objects.create(code=f"tim-{i}", name=f"Tim {i}", office=office)
        services.appointment_book(
            actor=users["petugas1"],
            office=office,
            starts_at=wib(2024, 9, 3, 8 + i // 2, 30 * (i % 2)),
            organisation=org,
        )
    client.force_login(users["petugas1"])
    with django_assert_max_num_queries(14):
        html = client.get("/jadwal/konsultasi/?day=2024-09-03").content.decode()
    assert html.count("Tim ") >= 8


def test_coordinator_corrects_an_unconfirmed_stage_on_the_timeline(client, users, schedule_demo):
    client.force_login(users["koordinator"])
    page = client.get("/jadwal/19.02/").content.decode()
    assert "Koreksi tanggal untuk kantor ini" in page
    bad = client.post(
        "/jadwal/19.02/tahapan/masa-tenang/",
        {"masa-tenang-starts_on": "2024-11-26", "masa-tenang-ends_on": "2024-11-24"},
    )
    assert bad.status_code == 400 and "Tanggal akhir lebih awal" in bad.content.decode()
    client.post(
        "/jadwal/19.02/tahapan/masa-tenang/",
        {
            "masa-tenang-starts_on": "2024-11-24",
            "masa-tenang-ends_on": "2024-11-26",
            "masa-tenang-confirmed": "on",
            "masa-tenang-note": "Sesuai PKPU 2/2024.",
        },
    )
    html = client.get("/jadwal/19.02/").content.decode()
    quiet = html.split('id="stage-masa-tenang"')[1].split("</li>")[0]
    assert "Tanggal belum pasti" not in quiet
    client.force_login(users["petugas1"])
    assert client.post("/jadwal/19.02/tahapan/masa-tenang/", {}).status_code == 404
