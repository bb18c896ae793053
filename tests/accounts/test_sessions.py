"""The session store and the per-request user read with fixed statements behave as Django's."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mejabantu.accounts.models import Session


def _signed_in(client, username="petugas1"):
    response = client.post("/akun/masuk/", {"username": username, "password": "mejabantu-demo"})
    assert response.status_code == 302
    assert client.get("/tiket/").status_code == 200
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


def test_a_signed_in_request_reads_its_session_and_user_in_one_statement(client, users):
    _signed_in(client)
    assert Session.objects.get().user == users["petugas1"]
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/tiket/").status_code == 200  # a cached queue
    tables = [q["sql"] for q in ctx.captured_queries if "accounts_user" in q["sql"]]
    assert len(tables) == 1 and "accounts_session" in tables[0]


def test_a_deleted_user_has_no_session_left(client, users):
    _signed_in(client, "petugas2")
    users["petugas2"].delete()
    assert not Session.objects.exists()
    assert client.get("/tiket/").status_code == 302


def test_a_visitor_without_an_account_keeps_a_session_of_no_one(client, users):
    client.cookies["django_language"] = "en"
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    session = client.session
    session["seen"] = True
    session.save()
    row = Session.objects.get(session_key=session.session_key)
    assert row.user_id is None
    assert client.get("/").status_code == 200


def test_an_operator_s_organisation_comes_with_the_session(client, users):
    client.post("/akun/masuk/", {"username": "lo-partai-a", "password": "mejabantu-demo"})
    assert client.get("/tiket/saya/").status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/tiket/saya/").status_code == 200
    organisation_reads = [
        q["sql"] for q in ctx.captured_queries if "accounts_organisation" in q["sql"]
    ]
    assert len(organisation_reads) == 1 and "accounts_session" in organisation_reads[0]


def test_what_one_request_puts_in_its_session_unsaved_is_not_in_the_next(users):
    from mejabantu.accounts.sessions import SessionStore

    first = SessionStore()
    first["_auth_user_id"] = str(users["petugas1"].pk)
    first.save()
    again = SessionStore(first.session_key)
    assert again["_auth_user_id"] == str(users["petugas1"].pk)
    again["draft"] = "belum disimpan"  # changed, never saved
    later = SessionStore(first.session_key)
    assert "draft" not in later.keys()
    later["draft"] = "disimpan"
    later.save()
    assert SessionStore(first.session_key)["draft"] == "disimpan"
