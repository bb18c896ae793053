"""Sessions are Django's own; the signed-in user is read with the office their pages are of."""

from datetime import timedelta

from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone


def _signed_in(client, username="petugas1"):
    response = client.post("/akun/masuk/", {"username": username, "password": "mejabantu-demo"})
    assert response.status_code == 302
    assert client.get("/pengetahuan/").status_code == 200
    return client


def test_a_session_past_its_expiry_no_longer_signs_in(client, users):
    _signed_in(client)
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get("/tiket/")
    assert response.status_code == 302 and "/akun/masuk/" in response["Location"]


def test_signing_out_ends_the_session_for_a_copied_cookie_too(client, users):
    from django.test import Client

    _signed_in(client)
    copy = Client()
    copy.cookies = client.cookies  # the same session cookie, e.g. a second tab or a thief
    assert copy.get("/tiket/").status_code == 200
    client.post("/akun/keluar/")
    assert copy.get("/tiket/").status_code == 302


def test_a_deactivated_user_is_signed_out_at_the_next_request(client, users):
    _signed_in(client)
    users["petugas1"].is_active = False
    users["petugas1"].save()
    assert client.get("/tiket/").status_code == 302


def test_demo_accounts_stop_working_mid_session_when_demo_mode_goes_off(client, users, settings):
    _signed_in(client)
    settings.DEMO_MODE = False
    assert client.get("/tiket/").status_code == 302


def test_a_forged_session_key_is_no_session(client, users):
    client.cookies["sessionid"] = "x" * 32
    assert client.get("/tiket/").status_code == 302
    client.cookies["sessionid"] = "short"
    assert client.get("/tiket/").status_code == 302


def test_a_deleted_user_is_signed_out(client, users):
    _signed_in(client, "petugas2")
    users["petugas2"].delete()
    assert client.get("/tiket/").status_code == 302


def test_an_operator_s_organisation_and_office_come_with_the_user(client, users):
    _signed_in(client, "lo-partai-a")
    assert client.get("/tiket/saya/").status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/tiket/saya/").status_code == 200  # a cached page
    user_reads = [q["sql"] for q in ctx.captured_queries if "accounts_user" in q["sql"]]
    assert len(user_reads) == 1
    assert "accounts_organisation" in user_reads[0] and "offices_office" in user_reads[0]
    others = [q["sql"] for q in ctx.captured_queries if "accounts_user" not in q["sql"]]
    assert all("django_session" in q for q in others)
