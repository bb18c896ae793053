"""Guidance (juknis) items: who opens them, linked tickets' paused clocks, one answer for all."""

import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied

from mejabantu.accounts.models import User
from mejabantu.helpdesk import services
from mejabantu.helpdesk.models import AuditEvent, Message, Ticket
from mejabantu.helpdesk.services import guidance as guidance_services
from mejabantu.helpdesk.services import notify
from mejabantu.knowledge.models import PendingGuidance
from mejabantu.knowledge.services import pending_guidance_create
from mejabantu.mail.models import OutgoingMail
from mejabantu.offices.business_time import working_minutes_between
from mejabantu.offices.models import Office
from mejabantu.offices.selectors import office_calendar

WIB = ZoneInfo("Asia/Jakarta")
TITLE = "Menunggu juknis: penghitungan usia setelah putusan MK 70"


def at(*args):
    return datetime(*args, tzinfo=WIB)


@pytest.fixture
def ri_staff(demo):
    ri = Office.objects.get(code="ri")
    return User.objects.create_user(
        "petugas-ri-test", password="x-Ri-2024!", role="officer", office=ri, email="ri@x.example"
    )


@pytest.fixture
def province_staff(demo):
    prov = Office.objects.get(code="19")
    return User.objects.create_user(
        "petugas-prov-test", password="x-Prov-2024!", role="officer", office=prov
    )


@pytest.fixture
def item(ri_staff):
    return pending_guidance_create(title=TITLE, office=ri_staff.office, user=ri_staff)


def _regencies(n: int) -> list[tuple[Office, User]]:
    """n more regency offices in the demo province, each with an officer."""
    prov = Office.objects.get(code="19")
    made = []
    for i in range(n):
        office = Office.objects.create(
            code=f"19.9{i}", name=f"KPU Kabupaten Uji {i}", short_code=f"UJ{i}", level="kabupaten"
        )
        office.parent = prov
        office.save()
        officer = User.objects.create_user(
            f"petugas-uji-{i}", password="x-Uji-2024!", role="officer", office=office
        )
        made.append((office, officer))
    return made


def _walk_in(officer, office, n=1, subject="Usia calon setelah putusan MK"):
    tickets = []
    for i in range(n):
        ticket, _ = services.ticket_create(
            actor=officer,
            office=office,
            subject=f"{subject} {i}",
            body="Bagaimana penghitungan usia calon setelah putusan MK 70?",
            category="persyaratan-calon",
            channel="desk",
            requester_name=f"Pemohon {i}",
            requester_email=f"pemohon{i}@x.example",
            idempotency_key=uuid.uuid4(),
        )
        tickets.append(ticket)
    return tickets


def test_regency_officer_cannot_open_a_guidance_item(users, office):
    with pytest.raises(PermissionDenied, match="KPU RI"):
        pending_guidance_create(title=TITLE, office=office, user=users["koordinator"])
    assert not PendingGuidance.objects.exists()


def test_province_staff_open_items_for_their_region_only(province_staff, ri_staff):
    item = pending_guidance_create(title=TITLE, office=province_staff.office, user=province_staff)
    assert item.office.code == "19" and item.created_by == province_staff
    with pytest.raises(PermissionDenied):
        pending_guidance_create(title=TITLE, office=ri_staff.office, user=province_staff)


def test_linking_pauses_the_clock_and_the_answer_resumes_it(item, ask, users, office, ri_staff):
    with time_machine.travel(at(2024, 8, 26, 8, 0), tick=False):
        ticket = ask()
        ticket.refresh_from_db()
        due_before = ticket.resolution_due
    with time_machine.travel(at(2024, 8, 26, 9, 0), tick=False):
        guidance_services.ticket_guidance_link(ticket=ticket, item=item, actor=users["petugas1"])
        ticket.refresh_from_db()
        assert ticket.sla_state == "paused" and ticket.sla_next_check is None
        assert ticket.pending_guidance == item
    with time_machine.travel(at(2024, 8, 28, 10, 0), tick=False):
        guidance_services.guidance_answer_publish(
            item=item, actor=ri_staff, body="Usia dihitung sejak penetapan pasangan calon."
        )
        guidance_services.guidance_broadcast(item.pk)
        ticket.refresh_from_db()
    paused = working_minutes_between(
        office_calendar(office), at(2024, 8, 26, 9, 0), at(2024, 8, 28, 10, 0)
    )
    shift = working_minutes_between(office_calendar(office), due_before, ticket.resolution_due)
    assert ticket.pending_guidance is None and ticket.sla_state != "paused"
    assert paused > 0 and abs(shift - paused) < 1
    # the first response came with the answer, not while waiting
    assert ticket.first_response_at == at(2024, 8, 28, 10, 0)


def test_ticket_cannot_wait_for_another_provinces_guidance(ask, users, demo):
    ri = Office.objects.get(code="ri")
    other_prov = Office.objects.get(code="18", parent=ri)  # KPU Provinsi Lampung
    staff = User.objects.create_user(
        "petugas-lpg", password="x-Lpg-2024!", role="officer", office=other_prov
    )
    foreign = pending_guidance_create(title=TITLE, office=other_prov, user=staff)
    ticket = ask()
    with pytest.raises(PermissionDenied):
        guidance_services.ticket_guidance_link(ticket=ticket, item=foreign, actor=users["petugas1"])
    with pytest.raises(PermissionDenied):  # the issuer of another region cannot reach it either
        guidance_services.ticket_guidance_link(ticket=ticket, item=foreign, actor=staff)


def test_other_regencys_officer_cannot_link_a_ticket(item, ask):
    ((_other, officer),) = _regencies(1)
    ticket = ask()
    with pytest.raises(PermissionDenied):
        guidance_services.ticket_guidance_link(ticket=ticket, item=item, actor=officer)


def test_ri_staff_link_a_regency_ticket_to_their_item(item, ask, ri_staff):
    ticket = ask()
    guidance_services.ticket_guidance_link(ticket=ticket, item=item, actor=ri_staff)
    ticket.refresh_from_db()
    assert ticket.pending_guidance_id == item.pk


def test_broadcast_answers_every_linked_ticket_in_every_office_exactly_once(item, ri_staff):
    offices = _regencies(3)
    linked = []
    for office, officer in offices:
        for ticket in _walk_in(officer, office, n=100):
            guidance_services.ticket_guidance_link(ticket=ticket, item=item, actor=officer)
            linked.append(ticket.pk)
    (office, officer) = offices[0]
    (unlinked,) = _walk_in(officer, office, n=1, subject="Jadwal pendaftaran")
    mails_before = OutgoingMail.objects.count()
    _, count = guidance_services.guidance_answer_publish(
        item=item, actor=ri_staff, body="Usia dihitung sejak penetapan.", citations=[]
    )
    assert count == 300
    assert guidance_services.guidance_broadcast(item.pk, batch=70) == 300
    replies = Message.objects.filter(ticket_id__in=linked, author=ri_staff)
    assert replies.count() == 300
    assert set(replies.values_list("ticket_id", flat=True)) == set(linked)
    assert not Message.objects.filter(ticket=unlinked, author=ri_staff).exists()
    assert "Usia dihitung sejak penetapan." in replies.first().body
    assert OutgoingMail.objects.count() - mails_before == 300
    for pk in (linked[0], linked[150], linked[-1]):  # each requester's own reference and link
        ticket = Ticket.objects.get(pk=pk)
        mail = OutgoingMail.objects.filter(topic=f"ticket:{pk}").order_by("pk").last()
        assert mail.to == ticket.requester_email and ticket.reference in mail.subject
        assert notify.requester_link(ticket) in mail.body
        assert "Usia dihitung sejak penetapan." in mail.body and "REF" not in mail.subject
    tickets = Ticket.objects.filter(pk__in=linked)
    assert not tickets.filter(pending_guidance__isnull=False).exists()
    assert set(tickets.values_list("status", flat=True)) == {"in_progress"}
    item.refresh_from_db()
    assert item.state == "resolved" and item.answered_count == item.linked_total == 300
    # a second run finds nothing to do
    assert guidance_services.guidance_broadcast(item.pk) == 0
    assert replies.count() == 300


def test_a_crash_midway_leaves_none_answered_twice_and_none_skipped(item, ri_staff, monkeypatch):
    offices = _regencies(2)
    linked = []
    for office, officer in offices:
        for ticket in _walk_in(officer, office, n=60):
            guidance_services.ticket_guidance_link(ticket=ticket, item=item, actor=officer)
            linked.append(ticket.pk)
    guidance_services.guidance_answer_publish(item=item, actor=ri_staff, body="Jawaban juknis.")
    real, calls = notify.mail_queue, {"n": 0}

    def crash_in_the_third_batch(**kwargs):
        calls["n"] += 1
        if calls["n"] == 110:  # batches of 50: the third is half done
            raise RuntimeError("worker killed")
        real(**kwargs)

    monkeypatch.setattr(notify, "mail_queue", crash_in_the_third_batch)
    with pytest.raises(RuntimeError):
        guidance_services.guidance_broadcast(item.pk, batch=50)
    item.refresh_from_db()
    assert item.state == "answering" and item.answered_count == 100
    assert Message.objects.filter(author=ri_staff).count() == 100
    assert Ticket.objects.filter(pending_guidance=item).count() == 20
    monkeypatch.setattr(notify, "mail_queue", real)
    assert guidance_services.guidance_resume() == 20  # the worker's periodic job
    per_ticket = dict.fromkeys(linked, 0)
    for ticket_id in Message.objects.filter(author=ri_staff).values_list("ticket_id", flat=True):
        per_ticket[ticket_id] += 1
    assert set(per_ticket.values()) == {1}
    events = AuditEvent.objects.filter(action="guidance_answered", ticket_id__in=linked)
    assert events.count() == 120
    item.refresh_from_db()
    assert item.state == "resolved" and item.answered_count == 120


def test_answered_item_takes_no_more_links(item, ask, users, ri_staff):
    guidance_services.guidance_answer_publish(item=item, actor=ri_staff, body="Jawaban.")
    with pytest.raises(services.HelpdeskError):
        guidance_services.ticket_guidance_link(ticket=ask(), item=item, actor=users["petugas1"])


def test_answer_cites_articles_as_published(item, ri_staff, ask, users):
    from mejabantu.knowledge.models import Regulation

    regulation = Regulation.objects.create(
        code="putusan-mk-70-2024", kind="putusan_mk", number="70/PUU-XXII", year=2024, title="x"
    )
    ticket = ask()
    guidance_services.ticket_guidance_link(ticket=ticket, item=item, actor=users["petugas1"])
    guidance_services.guidance_answer_publish(
        item=item, actor=ri_staff, body="Jawaban.", citations=[regulation.code]
    )
    guidance_services.guidance_broadcast(item.pk)
    reply = Message.objects.filter(ticket=ticket).last()
    assert "Putusan MK 70/PUU-XXII/2024" in reply.body
    assert "Dasar hukum" in reply.body


def _token(client, username, password):
    response = client.post(
        "/api/v1/auth/token",
        {"username": username, "password": password},
        content_type="application/json",
    )
    return {"HTTP_AUTHORIZATION": f"Bearer {response.json()['token']}"}


def test_api_opens_links_answers_and_reports_progress(client, ri_staff, ask, users):
    ri = _token(client, "petugas-ri-test", "x-Ri-2024!")
    created = client.post(
        "/api/v1/guidance",
        {"title": TITLE, "description": "Setelah putusan MK 70/PUU-XXII/2024."},
        content_type="application/json",
        **ri,
    )
    assert created.status_code == 201, created.content
    item_id = created.json()["id"]
    assert created.json()["state"] == "open" and created.json()["office"] == "ri"
    ticket = ask()
    officer = _token(client, "petugas1", "mejabantu-demo")
    linked = client.post(
        f"/api/v1/tickets/{ticket.reference}/guidance",
        {"guidance": item_id},
        content_type="application/json",
        **officer,
    )
    assert linked.status_code == 200, linked.content
    assert linked.json()["waiting_for"] == item_id and linked.json()["sla_state"] == "paused"
    answered = client.post(
        f"/api/v1/guidance/{item_id}/answer",
        {"body": "Usia dihitung sejak penetapan.", "citations": []},
        content_type="application/json",
        **ri,
    )
    assert answered.status_code == 202, answered.content
    assert answered.json()["linked"] == 1 and answered.json()["state"] == "answering"
    guidance_services.guidance_resume()
    progress = client.get(f"/api/v1/guidance/{item_id}", **ri).json()
    assert progress["state"] == "resolved" and progress["answered"] == 1
    assert progress["linked"] == 0 and progress["linked_total"] == 1
    again = client.post(
        f"/api/v1/guidance/{item_id}/answer",
        {"body": "Lagi."},
        content_type="application/json",
        **ri,
    )
    assert again.status_code == 422 and "sudah" in again.json()["detail"]


def test_api_refuses_a_regency_officer_opening_an_item_in_json(client, users):
    officer = _token(client, "petugas1", "mejabantu-demo")
    response = client.post(
        "/api/v1/guidance", {"title": TITLE}, content_type="application/json", **officer
    )
    assert response.status_code == 403
    assert "KPU RI" in response.json()["detail"]
    assert client.get("/api/v1/guidance/999999", **officer).status_code == 404


def test_item_page_suggests_similar_questions_of_offices_below_and_links_them(
    client, item, ri_staff, ask
):
    offices = _regencies(2)
    for office, officer in offices:
        _walk_in(officer, office, n=2)
    (office, officer) = offices[0]
    (unrelated,) = _walk_in(officer, office, n=1, subject="Jadwal kampanye")
    Ticket.objects.filter(pk=unrelated.pk).update(body="Kapan jadwal kampanye dimulai?")
    item.description = "Bagaimana penghitungan usia calon setelah putusan MK 70?"
    item.save()
    client.force_login(ri_staff)
    page = client.get(item.get_absolute_url()).content.decode()
    assert "4 pertanyaan serupa di 2 kantor" in page
    assert unrelated.reference not in page
    ids = list(
        Ticket.objects.filter(office__in=[o for o, _ in offices])
        .exclude(pk=unrelated.pk)
        .values_list("pk", flat=True)
    )
    response = client.post(item.get_absolute_url(), {"link": ids})
    assert response.status_code == 302
    assert Ticket.objects.filter(pending_guidance=item).count() == 4
    page = client.get(item.get_absolute_url()).content.decode()
    assert "4 tiket menunggu juknis ini" in page


def test_regency_officer_sees_only_their_offices_tickets_to_link(client, item, ask, users):
    ((other, other_officer),) = _regencies(1)
    _walk_in(other_officer, other, n=1)
    mine = ask(subject="Usia calon setelah putusan MK", body=item.title)
    client.force_login(users["petugas1"])
    page = client.get(item.get_absolute_url()).content.decode()
    assert mine.reference in page
    assert other.name not in page
    foreign = Ticket.objects.get(office=other)
    client.post(item.get_absolute_url(), {"link": [foreign.pk, mine.pk]})
    assert list(Ticket.objects.filter(pending_guidance=item)) == [mine]


def test_ticket_page_counts_similar_questions_and_offers_their_guidance(client, item, ask, users):
    offices = _regencies(3)
    for office, officer in offices:
        for ticket in _walk_in(officer, office, n=2):
            guidance_services.ticket_guidance_link(ticket=ticket, item=item, actor=officer)
    mine = ask(subject="Usia calon setelah putusan MK", body="Bagaimana penghitungan usia calon?")
    twin = ask(subject="Penghitungan usia calon", body="Usia calon setelah putusan MK 70?")
    client.force_login(users["petugas1"])
    fragment = client.get(f"/tiket/{mine.reference}/serupa/").content.decode()
    assert "7 pertanyaan serupa di 4 kantor" in fragment
    assert "6 di antaranya menunggu juknis KPU RI" in fragment
    assert twin.reference in fragment and offices[0][0].name not in fragment
    response = client.post(
        f"/tiket/{mine.reference}/juknis/", {"guidance": item.pk, "link": [twin.pk]}
    )
    assert response.status_code == 302
    assert set(Ticket.objects.filter(office__code="19.02", pending_guidance=item)) == {mine, twin}
    page = client.get(mine.get_absolute_url()).content.decode()
    assert "Menunggu petunjuk teknis" in page and "berhenti dihitung" in page


def test_requester_sees_what_the_ticket_waits_for_then_the_answer(
    client, item, ask, users, ri_staff
):
    ticket = ask()
    guidance_services.ticket_guidance_link(ticket=ticket, item=item, actor=users["petugas1"])
    client.force_login(users["lo-partai-a"])
    page = client.get(ticket.get_absolute_url()).content.decode()
    assert "Menunggu petunjuk teknis" in page and TITLE in page
    guidance_services.guidance_answer_publish(
        item=item, actor=ri_staff, body="Usia dihitung sejak penetapan pasangan calon."
    )
    guidance_services.guidance_broadcast(item.pk)
    page = client.get(ticket.get_absolute_url()).content.decode()
    assert "Usia dihitung sejak penetapan pasangan calon." in page
    assert "Menunggu petunjuk teknis" not in page
    progress = client.get(f"/tiket/juknis/{item.pk}/kemajuan/").content.decode()
    assert "1 dari 1 tiket dijawab" in progress


def test_progress_is_shown_in_indonesian_thousands(client, item, ri_staff):
    PendingGuidance.objects.filter(pk=item.pk).update(
        state="answering", linked_total=10000, answered_count=4200
    )
    client.force_login(ri_staff)
    progress = client.get(f"/tiket/juknis/{item.pk}/kemajuan/").content.decode()
    assert "4.200 dari 10.000 tiket dijawab" in progress
    assert 'hx-trigger="every 2s"' in progress
