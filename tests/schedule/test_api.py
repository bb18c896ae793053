"""The schedule API: stages, slots, booking and cancelling, the queue."""

import pytest

from mejabantu.accounts.services import api_token_issue
from mejabantu.schedule import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def auth(users):
    def _auth(username):
        raw = api_token_issue(user=users[username])
        return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}

    return _auth


def test_stages_are_public_and_marked_by_state(client, office, frozen_now):
    services.stages_seed()
    response = client.get("/api/v1/offices/19.02/stages")
    assert response.status_code == 200
    by_code = {s["code"]: s for s in response.json()}
    assert by_code["pemeriksaan-kesehatan"]["state"] == "open"  # until 2 September
    assert by_code["pendaftaran"]["state"] == "past"
    assert by_code["masa-tenang"]["confirmed"] is False
    assert by_code["kampanye"]["knowledge_url"] == "/pengetahuan/?stage=kampanye"


def test_slots_list_free_places_and_reject_a_reversed_range(client, office, frozen_now):
    response = client.get("/api/v1/offices/19.02/slots?from=2024-09-03&to=2024-09-03")
    assert response.status_code == 200
    slots = response.json()
    assert len(slots) == 15 and slots[0]["starts_at"] == "2024-09-03T07:30:00+07:00"
    assert slots[0]["free"] == 2
    bad = client.get("/api/v1/offices/19.02/slots?from=2024-09-05&to=2024-09-03")
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "to"


def test_operator_books_then_cancels_through_the_api(client, auth, office, frozen_now):
    headers = auth("lo-partai-a")
    response = client.post(
        "/api/v1/appointments",
        {"office": "19.02", "starts_at": "2024-09-03T10:00:00+07:00", "topic": "Silon"},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 201, response.content
    booked = response.json()
    assert booked["organisation"] == "pdip-belitung" and booked["place"] == 1
    other = client.delete(f"/api/v1/appointments/{booked['id']}", **auth("lo-partai-b"))
    assert other.status_code == 404
    gone = client.delete(f"/api/v1/appointments/{booked['id']}", **headers)
    assert gone.status_code == 200 and gone.json()["status"] == "cancelled"


def test_the_old_indonesian_slot_kind_is_still_accepted(client, auth, office, frozen_now):
    """For one release after the English codes (docs/api.md): mapped in, codes out."""
    query = "from=2024-09-03&to=2024-09-03"
    old = client.get(f"/api/v1/offices/19.02/slots?{query}&kind=konsultasi")
    new = client.get(f"/api/v1/offices/19.02/slots?{query}&kind=consultation")
    assert old.status_code == 200 and old.json() == new.json()
    response = client.post(
        "/api/v1/appointments",
        {"office": "19.02", "starts_at": "2024-09-03T10:00:00+07:00", "kind": "konsultasi"},
        content_type="application/json",
        **auth("lo-partai-a"),
    )
    assert response.status_code == 201, response.content
    assert (response.json()["kind"], response.json()["status"]) == ("consultation", "requested")
    bad = client.get(f"/api/v1/offices/19.02/slots?{query}&kind=rapat")
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "kind"


def test_booking_refusals_come_back_as_messages(client, auth, office, frozen_now):
    headers = auth("lo-partai-a")
    past = client.post(
        "/api/v1/appointments",
        {"office": "19.02", "starts_at": "2024-09-02T08:00:00+07:00"},
        content_type="application/json",
        **headers,
    )
    assert past.status_code == 422 and past.json()["detail"]
    client.post(
        "/api/v1/appointments",
        {"office": "19.02", "starts_at": "2024-09-03T10:00:00+07:00"},
        content_type="application/json",
        **headers,
    )
    twice = client.post(
        "/api/v1/appointments",
        {"office": "19.02", "starts_at": "2024-09-03T10:00:00+07:00"},
        content_type="application/json",
        **headers,
    )
    assert twice.status_code == 409
    anonymous = client.post(
        "/api/v1/appointments",
        {"office": "19.02", "starts_at": "2024-09-03T10:30:00+07:00"},
        content_type="application/json",
    )
    assert anonymous.status_code == 401


def test_queue_shows_numbers_being_served(client, office, users, frozen_now):
    services.queue_issue(actor=users["petugas1"], office=office, service="K")
    services.queue_issue(actor=users["petugas1"], office=office, service="K")
    services.queue_call_next(actor=users["petugas1"], office=office, service="K", desk="Meja 1")
    data = client.get("/api/v1/offices/19.02/queue").json()
    assert data["serving"] == [{"number": "K-001", "service": "K", "desk": "Meja 1"}]
    assert data["waiting"] == ["K-002"] and data["day"] == "2024-09-02"
