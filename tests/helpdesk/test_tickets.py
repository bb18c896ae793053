"""Asking, answering, integrity: what users of the desk notice."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from mejabantu.helpdesk import services
from mejabantu.helpdesk.models import AuditEvent, Status, Ticket
from mejabantu.helpdesk.services.notify import mail_topic
from mejabantu.helpdesk.services.tokens import public_token_for
from mejabantu.mail.models import OutgoingMail

from .conftest import PDF, PNG, docx_bytes, pdf_upload


def test_reference_counts_per_office_and_year(ask, office):
    first, second = ask(), ask()
    year = timezone.localtime().year
    assert first.reference == f"BLT-{year}-000001"
    assert second.reference == f"BLT-{year}-000002"


def test_the_received_mail_names_the_reference_and_links_to_the_ticket(ask, office):
    ticket = ask()
    public, _created = services.ticket_create(
        actor=None,
        office=office,
        subject="Jadwal",
        body="Kapan?",
        category="jadwal",
        requester_name="Yuli",
        requester_email="yuli@contoh.id",
        idempotency_key=uuid.uuid4(),
    )
    for asked, link in [
        (ticket, f"/tiket/{ticket.reference}/"),
        (public, f"/tiket/ikuti/{public_token_for(public.idempotency_key)}/"),
    ]:
        mail = OutgoingMail.objects.get(topic=mail_topic(asked))
        assert mail.subject.startswith(f"[{asked.reference}] ")
        assert f": {asked.reference}\n" in mail.body
        assert mail.body.strip().endswith(link)
        assert "REF" not in mail.subject + mail.body


def test_operator_asks_with_a_pdf_and_the_form_keeps_text_on_a_bad_file(client, users):
    client.force_login(users["lo-partai-a"])
    page = client.get("/tiket/tanya/").content.decode()
    key = page.split('name="idempotency_key" value="')[1].split('"')[0]
    data = {
        "category": "dokumen",
        "subject": "SK DPP",
        "body": "Apakah SK ini cukup?",
        "idempotency_key": key,
    }
    fake = pdf_upload("sk.pdf", content=b"MZ\x90\x00 this is an exe" + b"\x00" * 64)
    response = client.post("/tiket/tanya/", {**data, "attachments": [fake]})
    assert response.status_code == 200
    text = response.content.decode()
    assert "bukan dokumen PDF" in text or "bukan PDF" in text
    assert "Apakah SK ini cukup?" in text and "SK DPP" in text
    assert Ticket.objects.count() == 0
    response = client.post("/tiket/tanya/", {**data, "attachments": [pdf_upload("sk.pdf")]})
    assert response.status_code == 302
    ticket = Ticket.objects.get()
    assert ticket.organisation == users["lo-partai-a"].organisation
    assert ticket.attachments.get().original_name == "sk.pdf"


def test_a_png_named_pdf_is_refused_and_docx_is_accepted(ask):
    with pytest.raises(ValidationError, match="tidak sesuai"):
        ask(uploads=[pdf_upload("scan.pdf", content=PNG)])
    assert Ticket.objects.count() == 0
    from django.core.files.uploadedfile import SimpleUploadedFile

    ticket = ask(uploads=[SimpleUploadedFile("cv.docx", docx_bytes())])
    assert ticket.attachments.get().content_type.endswith("wordprocessingml.document")


def test_an_oversized_upload_is_refused_with_the_limit(ask, settings):
    settings.MAX_UPLOAD_MB = 1
    with pytest.raises(ValidationError, match="1 MB"):
        ask(uploads=[pdf_upload("besar.pdf", content=PDF + b"0" * (1024 * 1024 + 1))])


def test_a_double_submit_creates_one_ticket(client, users):
    client.force_login(users["lo-partai-a"])
    data = {
        "category": "jadwal",
        "subject": "Jadwal",
        "body": "Kapan penetapan?",
        "idempotency_key": str(uuid.uuid4()),
    }
    first = client.post("/tiket/tanya/", data)
    second = client.post("/tiket/tanya/", data)
    assert Ticket.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_someone_elses_form_key_does_not_reveal_their_ticket(ask, users, office):
    key = uuid.uuid4()
    ask(key=key)
    with pytest.raises(services.HelpdeskError):
        services.ticket_create(
            actor=users["lo-partai-b"],
            office=office,
            subject="x",
            body="y",
            category="lainnya",
            idempotency_key=key,
        )


def test_second_officer_saving_a_stale_ticket_gets_a_conflict(client, ask, users):
    ticket = ask()
    version = ticket.version
    services.ticket_update(
        ticket=ticket, actor=users["petugas1"], expected_version=version, priority="high"
    )
    client.force_login(users["petugas2"])
    response = client.post(
        f"/tiket/{ticket.reference}/ubah/",
        {
            "version": version,
            "status": "resolved",
            "priority": "low",
            "category": "persyaratan-calon",
            "assignee": "",
        },
    )
    assert response.status_code == 409
    assert "diubah orang lain" in response.content.decode()
    ticket.refresh_from_db()
    assert (ticket.priority, ticket.status) == ("high", "new")


def test_officer_reply_marks_first_response_and_requester_reply_reopens(ask, users):
    ticket = ask()
    services.message_add(ticket=ticket, actor=users["petugas1"], body="25 tahun.")
    ticket.refresh_from_db()
    assert ticket.status == Status.IN_PROGRESS and ticket.first_response_at is not None
    ticket = services.ticket_update(
        ticket=ticket,
        actor=users["petugas1"],
        expected_version=ticket.version,
        status=Status.RESOLVED,
    )
    assert ticket.resolved_at is not None
    services.message_add(ticket=ticket, actor=users["lo-partai-a"], body="Kalau wakilnya?")
    ticket.refresh_from_db()
    assert ticket.status == Status.IN_PROGRESS and ticket.resolved_at is None


def test_operator_cannot_write_an_internal_note(ask, users):
    ticket = ask()
    with pytest.raises(services.errors.PermissionDenied):
        services.message_add(ticket=ticket, actor=users["lo-partai-a"], body="x", internal=True)


def test_officer_logs_a_walk_in_with_the_real_time(client, users, office):
    client.force_login(users["petugas2"])
    data = {
        "channel": "desk",
        "received_at": "2024-08-27T09:15",
        "organisation": "golkar-belitung",
        "requester_name": "Ketua DPD",
        "category": "dokumen",
        "priority": "normal",
        "subject": "Berkas B1-KWK",
        "body": "Menanyakan berkas",
        "idempotency_key": str(uuid.uuid4()),
    }
    response = client.post("/tiket/catat/", data)
    assert response.status_code == 200  # more than 60 days ago: the officer is asked to check
    assert "60 hari" in response.content.decode()
    recent = timezone.localtime(timezone.now() - timedelta(hours=2))
    data["received_at"] = recent.strftime("%Y-%m-%dT%H:%M")
    response = client.post("/tiket/catat/", data)
    assert response.status_code == 302
    ticket = Ticket.objects.get()
    assert ticket.channel == "desk" and ticket.created_by == users["petugas2"]
    assert abs((ticket.received_at - recent).total_seconds()) < 60
    assert ticket.organisation.code == "golkar-belitung"


def test_round_robin_takes_turns_among_officers_on_duty(ask, users, office):
    office.auto_assign = True
    office.save()
    assignees = [ask().assignee.username for _ in range(4)]
    assert assignees == ["petugas1", "petugas2", "petugas1", "petugas2"]
    users["petugas2"].on_duty = False
    users["petugas2"].save()
    assert ask().assignee.username == "petugas1"


def test_coordinator_switches_assignment_and_officer_cannot(client, users, office):
    client.force_login(users["petugas1"])
    assert client.post("/tiket/pengaturan/", {"auto_assign": "1"}).status_code == 404
    client.force_login(users["koordinator"])
    client.post("/tiket/pengaturan/", {"auto_assign": "1"})
    office.refresh_from_db()
    assert office.auto_assign


def test_merge_moves_the_thread_and_closes_the_duplicate(ask, users):
    original, duplicate = ask(subject="Usia"), ask(subject="Usia lagi", body="Sama")
    services.message_add(ticket=duplicate, actor=users["petugas1"], body="Lihat tiket lain")
    target = services.ticket_merge(source=duplicate, target=original, actor=users["petugas1"])
    duplicate.refresh_from_db()
    assert duplicate.merged_into == original and duplicate.status == Status.CLOSED
    assert [m.body for m in target.messages.all()][-1] == "Lihat tiket lain"
    assert any("Usia lagi" in m.body for m in target.messages.all())


def test_merge_refuses_tickets_of_different_requesters(ask, users):
    a, b = ask(), ask(username="lo-partai-b")
    with pytest.raises(services.HelpdeskError):
        services.ticket_merge(source=b, target=a, actor=users["petugas1"])


def test_rating_only_after_resolution_and_only_once(client, ask, users):
    ticket = ask()
    client.force_login(users["lo-partai-a"])
    url = f"/tiket/{ticket.reference}/nilai/"
    assert client.post(url, {"rating": 5}).status_code == 400
    services.ticket_update(
        ticket=ticket, actor=users["petugas1"], expected_version=None, status="resolved"
    )
    page = client.get(ticket.get_absolute_url()).content.decode()
    assert "1 — sangat tidak puas" in page and "5 — sangat puas" in page  # the scale, named
    assert client.post(url, {"rating": 4, "comment": "Membantu"}).status_code == 302
    assert client.post(url, {"rating": 1}).status_code == 400
    ticket.refresh_from_db()
    assert (ticket.rating, ticket.rating_comment) == (4, "Membantu")


def test_every_change_is_an_audit_event_that_cannot_be_edited(ask, users):
    ticket = ask()
    services.ticket_update(
        ticket=ticket,
        actor=users["petugas1"],
        expected_version=None,
        status="in_progress",
        priority="high",
    )
    event = AuditEvent.objects.filter(ticket=ticket, action="updated").get()
    assert event.changes["status"] == ["new", "in_progress"]
    assert event.changes["priority"] == ["normal", "high"]
    assert event.actor == users["petugas1"]
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(ticket=ticket).delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(ticket=ticket).update(action="x")


def test_officer_reads_who_changed_what_and_when_in_the_history(client, ask, users):
    with time_machine.travel(datetime(2024, 8, 23, 8, 18, tzinfo=UTC), tick=False):
        ticket = ask()
        services.ticket_update(
            ticket=ticket,
            actor=users["petugas1"],
            expected_version=None,
            status="in_progress",
            assignee=users["petugas2"],
        )
        services.message_add(ticket=ticket, actor=users["petugas1"], body="25 tahun.")
    client.force_login(users["petugas1"])
    page = client.get(f"/tiket/{ticket.reference}/").content.decode()
    history = page.split('data-testid="history">')[1].split("</ol>")[0]
    lines = [li.split("</li>")[0] for li in history.split("<li>")[1:]]
    asker, officer, assignee = users["lo-partai-a"], users["petugas1"], users["petugas2"]
    assert lines == [
        f"23 Agu 2024 15.18 WIB · {asker} · diajukan · status: — → baru · saluran: — → web"
        " · kategori: — → Persyaratan calon",
        f"23 Agu 2024 15.18 WIB · {officer} · diubah · status: baru → diproses"
        f" · petugas: — → {assignee}",
        f"23 Agu 2024 15.18 WIB · {officer} · dibalas",  # the message is in the thread above
    ]


def test_public_question_gives_a_private_link(client, office):
    page = client.get("/tiket/kantor/19.02/tanya/").content.decode()
    key = page.split('name="idempotency_key" value="')[1].split('"')[0]
    data = {
        "requester_name": "Yuli",
        "requester_email": "yuli@contoh.id",
        "category": "jadwal",
        "subject": "Jadwal",
        "body": "Kapan?",
        "idempotency_key": key,
    }
    first = client.post("/tiket/kantor/19.02/tanya/", data)
    assert "/tiket/ikuti/" in first["Location"]
    page = client.get(first["Location"]).content.decode()
    assert "Kapan?" in page


def test_a_replayed_public_form_creates_nothing_and_never_shows_the_link_again(client, office):
    page = client.get("/tiket/kantor/19.02/tanya/").content.decode()
    key = page.split('name="idempotency_key" value="')[1].split('"')[0]
    data = {
        "requester_name": "Yuli",
        "requester_email": "yuli@contoh.id",
        "category": "jadwal",
        "subject": "Jadwal",
        "body": "Kapan?",
        "idempotency_key": key,
    }
    first = client.post("/tiket/kantor/19.02/tanya/", data)
    again = client.post("/tiket/kantor/19.02/tanya/", data, follow=True)
    assert Ticket.objects.count() == 1
    shown = again.content.decode()
    assert first["Location"] not in shown and "/tiket/ikuti/" not in shown
    assert f"sudah diterima sebagai {Ticket.objects.get().reference}" in shown


def test_public_form_without_email_says_what_is_missing_and_keeps_the_question(client, office):
    data = {
        "requester_name": "Yuli",
        "requester_email": "",
        "category": "jadwal",
        "subject": "Jadwal",
        "body": "Pertanyaan panjang saya",
        "idempotency_key": str(uuid.uuid4()),
    }
    response = client.post("/tiket/kantor/19.02/tanya/", data)
    assert response.status_code == 200
    assert "Pertanyaan panjang saya" in response.content.decode()
    assert "Bidang ini tidak boleh kosong" in response.content.decode()


def test_ticket_linked_to_awaited_guidance_shows_it(client, ask, users, office):
    from mejabantu.knowledge.models import PendingGuidance

    waiting = PendingGuidance.objects.create(
        title="Juknis penghitungan usia setelah putusan MK 70", office=office.parent.parent
    )
    elsewhere = PendingGuidance.objects.create(title="Juknis kantor lain", office=_other(office))
    ticket = ask()
    with pytest.raises(ValidationError):
        services.ticket_update(
            ticket=ticket,
            actor=users["petugas1"],
            expected_version=None,
            pending_guidance=elsewhere,
        )
    client.force_login(users["petugas1"])
    response = client.post(
        f"/tiket/{ticket.reference}/ubah/",
        {
            "version": ticket.version,
            "status": "waiting",
            "priority": "normal",
            "category": "persyaratan-calon",
            "assignee": "",
            "pending_guidance": waiting.pk,
        },
    )
    assert response.status_code == 302
    client.force_login(users["lo-partai-a"])
    page = client.get(ticket.get_absolute_url()).content.decode()
    assert "Juknis penghitungan usia" in page


def _other(office):
    from mejabantu.offices.models import Office

    return Office.objects.get(code="19.01")  # KPU Kabupaten Bangka, of the demo network


def test_every_refused_file_is_named_not_only_the_first(client, users):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.helpdesk.conftest import PNG

    client.force_login(users["lo-partai-a"])
    response = client.post(
        "/tiket/tanya/",
        {
            "category": "dokumen",
            "subject": "Dua berkas",
            "body": "Terlampir.",
            "idempotency_key": "6f1c2b1e-1111-4c1d-9a51-1e1e1e1e1e1e",
            "attachments": [
                SimpleUploadedFile("ktp.pdf", PNG),
                SimpleUploadedFile("kk.pdf", b"MZ\x90\x00 not a document"),
            ],
        },
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "ktp.pdf" in text and "kk.pdf" in text
    assert 'value="Dua berkas"' in text


def test_the_history_reads_in_indonesian_with_no_internal_keys(client, ask, users):
    ticket = ask()
    officer = users["petugas1"]
    services.ticket_update(
        ticket=ticket, actor=officer, expected_version=None, priority="high", assignee=officer
    )
    services.message_add(ticket=ticket, actor=officer, body="Catatan", internal=True)
    client.force_login(officer)
    page = client.get(ticket.get_absolute_url()).content.decode()
    history = page[page.index('data-testid="history"') :]
    history = history[: history.index("</ol>")]
    assert "diajukan" in history and "diubah" in history and "catatan internal" in history
    assert "prioritas: normal → tinggi" in history and "saluran: — → web" in history
    for key in ("created", "updated", "priority:", "channel:", "assignee:", " note"):
        assert key not in history


def test_a_ticket_waiting_on_its_requester_says_so_to_them_in_their_words(client, ask, users):
    ticket = ask()
    services.ticket_update(
        ticket=ticket, actor=users["petugas1"], expected_version=None, status="waiting"
    )
    client.force_login(users["lo-partai-a"])
    assert "menunggu jawaban Anda" in client.get("/tiket/saya/").content.decode()
    assert "menunggu jawaban Anda" in client.get(ticket.get_absolute_url()).content.decode()
    mail = OutgoingMail.objects.filter(topic=mail_topic(ticket), subject__contains="Status").last()
    assert mail is not None and "menunggu jawaban Anda" in mail.subject
    client.force_login(users["petugas1"])
    assert "menunggu pemohon" in client.get(ticket.get_absolute_url()).content.decode()


def test_the_resolved_mail_invites_a_rating(ask, users):
    ticket = ask()
    services.ticket_update(
        ticket=ticket, actor=users["petugas1"], expected_version=None, status="resolved"
    )
    mail = OutgoingMail.objects.filter(topic=mail_topic(ticket), subject__contains="Status").last()
    assert mail is not None and "nilai" in mail.body.lower()
