"""What anyone may send without signing in is limited, per client address and per e-mail,
with a clear message that keeps what was typed; the limits are settings."""

import uuid

import pytest

from mejabantu.helpdesk.models import Ticket

ASK = "/tiket/kantor/19.02/tanya/"


def question(email: str, body: str = "Kapan pendaftaran dibuka?") -> dict:
    return {
        "requester_name": "Yuli",
        "requester_email": email,
        "category": "jadwal",
        "subject": "Jadwal",
        "body": body,
        "idempotency_key": str(uuid.uuid4()),
    }


@pytest.mark.django_db
def test_one_address_may_not_mail_many_people_through_the_form(client, office, settings):
    settings.PUBLIC_ASK_RATE = "3/h"
    for n in range(3):
        assert client.post(ASK, question(f"orang{n}@contoh.id")).status_code == 302
    refused = client.post(ASK, question("korban@contoh.id", "Pertanyaan panjang saya"))
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "banyak pertanyaan dalam waktu singkat" in page
    assert "Pertanyaan panjang saya" in page  # what was typed is kept
    assert Ticket.objects.count() == 3
    assert not Ticket.objects.filter(requester_email="korban@contoh.id").exists()


@pytest.mark.django_db
def test_one_email_address_is_limited_from_any_address(client, office, settings):
    settings.PUBLIC_ASK_EMAIL_RATE = "2/h"
    for n in range(2):
        client.post(ASK, question("sama@contoh.id"), REMOTE_ADDR=f"10.0.0.{n}")
    refused = client.post(ASK, question("Sama@Contoh.id"), REMOTE_ADDR="10.0.0.9")
    assert refused.status_code == 200
    assert Ticket.objects.filter(requester_email__iexact="sama@contoh.id").count() == 2


@pytest.mark.django_db
def test_behind_a_trusted_proxy_each_client_is_counted_apart(client, office, settings):
    settings.PUBLIC_ASK_RATE = "1/h"
    settings.PROXY_HOPS = 1
    proxy = {"REMOTE_ADDR": "10.1.1.1"}
    first = client.post(ASK, question("a@contoh.id"), HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy)
    other = client.post(ASK, question("b@contoh.id"), HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy)
    same = client.post(ASK, question("c@contoh.id"), HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy)
    assert (first.status_code, other.status_code, same.status_code) == (302, 302, 200)


@pytest.mark.django_db
def test_token_requests_are_limited_with_a_json_429(client, users, settings):
    settings.TOKEN_RATE = "2/m"
    body = {"username": "petugas1", "password": "mejabantu-demo"}
    for _ in range(2):
        client.post("/api/v1/auth/token", body, content_type="application/json")
    refused = client.post("/api/v1/auth/token", body, content_type="application/json")
    assert refused.status_code == 429
    assert "Tunggu" in refused.json()["detail"]


@pytest.mark.django_db
def test_a_locked_account_is_told_so_in_json_on_the_api(client, users, settings):
    settings.AXES_FAILURE_LIMIT = 2
    wrong = {"username": "petugas1", "password": "salah"}
    for _ in range(3):
        response = client.post("/api/v1/auth/token", wrong, content_type="application/json")
    assert response.status_code == 429
    assert response["Content-Type"].startswith("application/json")
    assert "30 menit" in response.json()["detail"]


@pytest.mark.django_db
def test_an_officer_behind_the_proxy_is_not_locked_out_by_a_colleague(client, users, settings):
    settings.AXES_FAILURE_LIMIT = 2
    settings.PROXY_HOPS = 1
    wrong = {"username": "petugas1", "password": "salah"}
    for _ in range(3):
        client.post(
            "/akun/masuk/", wrong, REMOTE_ADDR="10.1.1.1", HTTP_X_FORWARDED_FOR="198.51.100.7"
        )
    right = {"username": "petugas1", "password": "mejabantu-demo"}
    response = client.post(
        "/akun/masuk/", right, REMOTE_ADDR="10.1.1.1", HTTP_X_FORWARDED_FOR="198.51.100.8"
    )
    assert response.status_code == 302  # signed in from the office's own machine
