"""Every answer under /api/v1 is JSON, errors included, in the user's language; odd input
gets a clear refusal, never a server error page."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_headers(client, users):
    token = client.post(
        "/api/v1/auth/token",
        {"username": "admin", "password": "mejabantu-demo"},
        content_type="application/json",
    ).json()["token"]
    return {"Authorization": f"Bearer {token}"}


def test_an_address_the_api_does_not_have_is_a_json_404(client):
    response = client.get("/api/v1/tidak-ada")
    assert response.status_code == 404
    assert response.json()["detail"] == "Tidak ditemukan, atau Anda tidak berhak melihatnya."


def test_a_body_that_is_not_json_is_refused_in_indonesian(client, admin_headers):
    response = client.post(
        "/api/v1/tickets", "{bukan json", content_type="application/json", headers=admin_headers
    )
    assert response.status_code == 400
    assert "JSON" in response.json()["detail"] and "Kirim" in response.json()["detail"]


@pytest.mark.parametrize("reference", ["¹3", "٣", "99999999999999999999999"])
def test_an_odd_reference_is_not_found(client, admin_headers, users, reference):
    assert client.get(f"/api/v1/tickets/{reference}", headers=admin_headers).status_code == 404
    client.force_login(users["admin"])
    assert client.get(f"/tiket/{reference}/").status_code == 404


def test_a_failure_inside_the_api_is_a_json_500_that_says_what_to_do(
    client, admin_headers, monkeypatch
):
    from mejabantu.helpdesk import api as helpdesk_api

    def broken(*args, **kwargs):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(helpdesk_api.selectors, "ticket_get", broken)
    client.raise_request_exception = False
    response = client.get("/api/v1/tickets/1", headers=admin_headers)
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    assert "disk" not in response.content.decode()  # what broke is logged, not shown
    assert "Coba lagi" in response.json()["detail"]


def test_an_offset_beyond_any_page_is_refused_with_the_field_named(client, admin_headers):
    response = client.get("/api/v1/tickets?offset=99999999999999999999999", headers=admin_headers)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "offset"
