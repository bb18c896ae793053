"""API tokens expire, and their owner lists and revokes them (API and web page)."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

pytestmark = pytest.mark.django_db


def _token(client, username="petugas1", name=""):
    response = client.post(
        "/api/v1/auth/token",
        {"username": username, "password": "mejabantu-demo", "name": name},
        content_type="application/json",
    )
    assert response.status_code == 200
    return response.json()


def _me(client, raw):
    return client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {raw}"})


def test_a_token_stops_working_when_it_expires(client, users, settings):
    settings.API_TOKEN_DAYS = 30
    issued = _token(client)
    assert _me(client, issued["token"]).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=29)):
        assert _me(client, issued["token"]).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=31)):
        assert _me(client, issued["token"]).status_code == 401


def test_the_owner_lists_and_revokes_a_token_and_nobody_else_can(client, users):
    kept = _token(client, name="rekap harian")["token"]
    ended = _token(client, name="skrip lama")["token"]
    other = _token(client, username="petugas2")["token"]
    auth = {"Authorization": f"Bearer {kept}"}
    listed = client.get("/api/v1/auth/tokens", headers=auth).json()
    assert [t["name"] for t in listed] == ["skrip lama", "rekap harian"]
    old = next(t for t in listed if t["name"] == "skrip lama")
    theirs = client.get("/api/v1/auth/tokens", headers={"Authorization": f"Bearer {other}"})
    their_id = theirs.json()[0]["id"]
    assert client.delete(f"/api/v1/auth/tokens/{their_id}", headers=auth).status_code == 404
    assert _me(client, other).status_code == 200
    assert client.delete(f"/api/v1/auth/tokens/{old['id']}", headers=auth).status_code == 204
    assert _me(client, ended).status_code == 401
    assert _me(client, kept).status_code == 200


def test_the_tokens_page_revokes_one_with_a_click(client, users):
    raw = _token(client, name="laporan mingguan")["token"]
    client.force_login(users["petugas1"])
    page = client.get("/akun/token/").content.decode()
    assert "laporan mingguan" in page and raw not in page
    token_id = client.get("/api/v1/auth/tokens", headers={"Authorization": f"Bearer {raw}"}).json()[
        0
    ]["id"]
    response = client.post(f"/akun/token/{token_id}/cabut/", follow=True)
    assert "dicabut" in response.content.decode()
    assert _me(client, raw).status_code == 401
    client.force_login(users["petugas2"])
    assert client.post(f"/akun/token/{token_id}/cabut/").status_code == 404
