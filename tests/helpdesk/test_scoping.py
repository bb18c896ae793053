"""Nobody sees what is not theirs: every ticket, message and attachment URL, by guessing too."""

import pytest

from mejabantu.accounts.models import User
from mejabantu.helpdesk import services

from .conftest import pdf_upload


@pytest.fixture
def ticket_with_everything(ask, users):
    ticket = ask(uploads=[pdf_upload()])
    services.message_add(
        ticket=ticket,
        actor=users["petugas1"],
        body="Catatan rahasia",
        internal=True,
        uploads=[pdf_upload("memo-internal.pdf")],
    )
    services.message_add(
        ticket=ticket,
        actor=users["petugas1"],
        body="Jawaban publik",
        uploads=[pdf_upload("jawaban.pdf")],
    )
    return ticket


def _urls(ticket):
    ref = ticket.reference
    urls = [f"/tiket/{ref}/", f"/tiket/{ticket.pk}/"]
    urls += [f"/tiket/lampiran/{a.pk}/" for a in ticket.attachments.all()]
    return urls


def _login(client, user):
    client.force_login(user)
    return client


@pytest.mark.parametrize("intruder", ["lo-partai-b", "petugas-bangka"])
def test_wrong_user_gets_404_on_every_ticket_and_attachment_url(
    client, ticket_with_everything, users, other_office, intruder
):
    _login(client, User.objects.get(username=intruder))
    for url in _urls(ticket_with_everything):
        assert client.get(url).status_code == 404, url
    for action in ("balas", "ubah", "ambil", "gabung", "nilai"):
        response = client.post(
            f"/tiket/{ticket_with_everything.reference}/{action}/", {"body": "x"}
        )
        assert response.status_code == 404, action


def test_anonymous_is_sent_to_sign_in(client, ticket_with_everything):
    for url in _urls(ticket_with_everything):
        response = client.get(url)
        assert response.status_code == 302 and "/akun/masuk/" in response["Location"]


def test_operator_never_gets_an_internal_note_or_its_attachment(
    client, ticket_with_everything, users
):
    _login(client, users["lo-partai-a"])
    page = client.get(ticket_with_everything.get_absolute_url()).content.decode()
    assert "Jawaban publik" in page
    assert "Catatan rahasia" not in page
    assert "memo-internal.pdf" not in page
    internal = ticket_with_everything.attachments.get(original_name="memo-internal.pdf")
    public = ticket_with_everything.attachments.get(original_name="jawaban.pdf")
    assert client.get(f"/tiket/lampiran/{internal.pk}/").status_code == 404
    response = client.get(f"/tiket/lampiran/{public.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert response["Content-Disposition"].startswith("attachment")


def test_api_hides_other_parties_tickets_and_internal_notes(client, ticket_with_everything, users):
    def token(username):
        return client.post(
            "/api/v1/auth/token",
            {"username": username, "password": "mejabantu-demo"},
            content_type="application/json",
        ).json()["token"]

    b = {"Authorization": f"Bearer {token('lo-partai-b')}"}
    a = {"Authorization": f"Bearer {token('lo-partai-a')}"}
    officer = {"Authorization": f"Bearer {token('petugas1')}"}
    ref = ticket_with_everything.reference
    assert client.get(f"/api/v1/tickets/{ref}", headers=b).status_code == 404
    assert client.get(f"/api/v1/tickets/{ticket_with_everything.pk}", headers=b).status_code == 404
    assert client.get("/api/v1/tickets", headers=b).json()["count"] == 0
    response = client.post(
        f"/api/v1/tickets/{ref}/messages",
        {"body": "hai"},
        content_type="application/json",
        headers=b,
    )
    assert response.status_code == 404
    assert response.json()["detail"]
    bodies = [m["body"] for m in client.get(f"/api/v1/tickets/{ref}", headers=a).json()["messages"]]
    assert "Catatan rahasia" not in bodies and "Jawaban publik" in bodies
    bodies = [
        m["body"] for m in client.get(f"/api/v1/tickets/{ref}", headers=officer).json()["messages"]
    ]
    assert "Catatan rahasia" in bodies
    response = client.patch(
        f"/api/v1/tickets/{ref}", {"status": "closed"}, content_type="application/json", headers=a
    )
    assert response.status_code == 404


def test_public_link_shows_only_its_ticket_and_public_messages(client, office, users):
    from mejabantu.helpdesk.services.tokens import public_token_for

    ticket, _ = services.ticket_create(
        actor=None,
        office=office,
        subject="Tanya jadwal",
        body="Kapan pendaftaran?",
        category="jadwal",
        requester_name="Yuli",
        requester_email="yuli@contoh.id",
    )
    services.message_add(ticket=ticket, actor=users["petugas1"], body="Rahasia", internal=True)
    services.message_add(ticket=ticket, actor=users["petugas1"], body="27-29 Agustus")
    token = public_token_for(ticket.idempotency_key)
    page = client.get(f"/tiket/ikuti/{token}/").content.decode()
    assert "27-29 Agustus" in page and "Rahasia" not in page
    assert client.get(f"/tiket/ikuti/{token[:-1]}x/").status_code == 404
    assert client.get(ticket.get_absolute_url()).status_code == 302  # not via the reference
