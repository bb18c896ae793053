"""Escalation and forwarding in the JSON API: POST /api/v1/tickets/{id}/escalate (an office
above escalates, any other forwards), /return, and a ticket's office, handled_by and hops."""

from django.test import Client

from mejabantu.accounts.services import api_token_issue


def _api(user) -> Client:
    return Client(headers={"Authorization": f"Bearer {api_token_issue(user=user)}"})


def _post(client: Client, url: str, body: dict):
    return client.post(url, body, content_type="application/json")


def test_escalating_through_the_api_returns_the_ticket_with_its_hops(users, ask, network):
    ticket = ask(subject="Syarat calon gubernur")
    regency = _api(users["petugas1"])
    response = _post(
        regency,
        f"/api/v1/tickets/{ticket.reference}/escalate",
        {"to": "19", "reason": "Pertanyaan tentang pemilihan gubernur."},
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["office"] == "19.02" and data["handled_by"] == "19"
    assert data["assignee"] is None
    [hop] = data["hops"]
    assert hop["kind"] == "escalate"
    assert (hop["from_office"], hop["to_office"]) == ("19.02", "19")
    assert hop["reason"] == "Pertanyaan tentang pemilihan gubernur." and hop["by"]
    # the province lists it, and forwards it on: to a regency that is not above, a forward
    province = _api(network.prov_officer)
    listed = province.get("/api/v1/tickets").json()
    assert [t["reference"] for t in listed["results"]] == [ticket.reference]
    assert listed["results"][0]["handled_by"] == "19"
    forwarded = _post(
        province,
        f"/api/v1/tickets/{ticket.id}/escalate",
        {"to": "19.06", "reason": "Domisili pemohon di Belitung Timur."},
    ).json()
    assert forwarded["handled_by"] == "19.06"
    assert [h["kind"] for h in forwarded["hops"]] == ["escalate", "forward"]
    # the requester sees who handles it, and the hops too
    mine = _api(users["lo-partai-a"]).get(f"/api/v1/tickets/{ticket.reference}").json()
    assert mine["office"] == "19.02" and mine["handled_by"] == "19.06"
    assert len(mine["hops"]) == 2


def test_escalate_errors_are_json_sentences_in_indonesian(users, ask, network):
    ticket = ask()
    url = f"/api/v1/tickets/{ticket.reference}/escalate"
    regency = _api(users["petugas1"])
    unknown = _post(regency, url, {"to": "99", "reason": "x"})
    assert unknown.status_code == 422
    assert "tidak ada kantor dengan kode “99”" in unknown.json()["detail"]
    itself = _post(regency, url, {"to": "19.02", "reason": "x"})
    assert itself.status_code == 422 and "sudah menangani tiket ini" in itself.json()["detail"]
    empty = _post(regency, url, {"to": "19", "reason": "   "})
    assert empty.status_code == 422 and "Tulis alasannya" in empty.json()["detail"]
    missing = _post(regency, url, {"to": "19"})
    assert missing.status_code == 422 and missing["Content-Type"].startswith("application/json")
    # officers above see it but do not handle it: told who does; others get 404
    province = _post(_api(network.prov_officer), url, {"to": "ri", "reason": "x"})
    assert province.status_code == 403
    assert "KPU Kabupaten Belitung kini menangani tiket ini" in province.json()["detail"]
    other = _post(_api(network.beltim_officer), url, {"to": "19", "reason": "x"})
    assert other.status_code == 404 and other["Content-Type"].startswith("application/json")
    operator = _post(_api(users["lo-partai-b"]), url, {"to": "19", "reason": "x"})
    assert operator.status_code == 404


def test_the_province_returns_a_ticket_through_the_api(users, ask, network):
    ticket = ask()
    regency = _api(users["petugas1"])
    _post(regency, f"/api/v1/tickets/{ticket.pk}/escalate", {"to": "19", "reason": "Gubernur"})
    returned = _post(
        _api(network.prov_officer),
        f"/api/v1/tickets/{ticket.pk}/return",
        {"guidance": "Jawab dengan Pasal 40 UU 10/2016."},
    )
    assert returned.status_code == 200
    data = returned.json()
    assert data["handled_by"] == "19.02" and data["hops"][-1]["kind"] == "return"
    seen = regency.get(f"/api/v1/tickets/{ticket.pk}").json()
    assert [(m["body"], m["internal"]) for m in seen["messages"]] == [
        ("Jawab dengan Pasal 40 UU 10/2016.", True)
    ]
    again = _post(regency, f"/api/v1/tickets/{ticket.pk}/return", {"guidance": "lagi"})
    assert again.status_code == 422 and "tidak ada yang dikembalikan" in again.json()["detail"]
