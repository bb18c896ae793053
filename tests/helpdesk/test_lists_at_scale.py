"""Ticket lists that must not grow with the nation's tickets: the API list's queries and
capped count, and a search by reference (issue 19, Scale)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from mejabantu.helpdesk import selectors, services


def test_api_list_of_fifty_tickets_reads_a_fixed_number_of_queries(client, bearer, ask, users):
    tickets = [ask(subject=f"Pertanyaan {i}", body=f"Isi pertanyaan nomor {i}") for i in range(52)]
    services.message_add(ticket=tickets[40], actor=users["petugas1"], body="Dijawab")
    headers = bearer("admin")
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/api/v1/tickets?limit=50", headers=headers)
    data = response.json()
    assert response.status_code == 200 and len(data["results"]) == 50
    assert {r["body"] for r in data["results"]} >= {f"Isi pertanyaan nomor {i}" for i in (51, 9)}
    # token, ids of the page, their rows, the count, the hops: not one query per ticket
    assert len(ctx.captured_queries) <= 8, [q["sql"][:80] for q in ctx.captured_queries]


def test_api_count_stops_at_the_cap_and_says_so(client, bearer, ask, monkeypatch):
    monkeypatch.setattr(selectors, "COUNT_CAP", 3)
    for i in range(5):
        ask(subject=f"Jadwal {i}", category="jadwal" if i < 2 else "persyaratan-calon")
    headers = bearer("petugas1")
    everything = client.get("/api/v1/tickets", headers=headers).json()
    assert (everything["count"], everything["count_capped"]) == (3, True)
    assert len(everything["results"]) == 5  # the page itself is whole
    few = client.get("/api/v1/tickets?category=jadwal", headers=headers).json()
    assert (few["count"], few["count_capped"]) == (2, False)


def test_queue_with_a_capped_count_still_lists_the_whole_page(client, ask, users, monkeypatch):
    monkeypatch.setattr(selectors, "COUNT_CAP", 2)
    tickets = [ask(subject=f"Berkas {i}") for i in range(3)]
    client.force_login(users["petugas1"])
    page = client.get("/tiket/?queue=all").content.decode()
    assert all(t.reference in page for t in tickets)


def test_reference_search_finds_only_that_ticket_for_those_who_may_see_it(
    client, bearer, ask, users, other_office, network
):
    ticket = ask(subject="Syarat usia calon")
    quoting = ask(
        username="lo-partai-b",
        subject="Sama seperti tiket lain",
        body=f"Pertanyaan kami sama dengan {ticket.reference}.",
    )
    term = ticket.reference.lower()
    client.force_login(users["petugas1"])
    queue = client.get(f"/tiket/?queue=all&q={term}").content.decode()
    assert ticket.reference in queue and quoting.reference not in queue
    for username, found in [
        ("petugas1", 1),
        ("petugas-ri", 1),  # KPU RI sees every office's tickets
        ("lo-partai-a", 1),  # its own party's
        ("lo-partai-b", 0),  # another party of the same office
        ("petugas-bangka", None),  # another regency
    ]:
        password = "x-Bangka-2024!" if username == "petugas-bangka" else "mejabantu-demo"
        headers = bearer(username, password)
        data = client.get(f"/api/v1/tickets?q={term}", headers=headers).json()
        assert data["count"] == (found or 0), username
        assert [r["reference"] for r in data["results"]] == [ticket.reference] * (found or 0)
    client.force_login(_user("petugas-bangka"))
    other = client.get(f"/tiket/?queue=all&q={term}").content.decode()
    assert ticket.reference not in other


def test_words_are_still_searched_in_subject_and_question(client, bearer, ask):
    ask(subject="Legalisir ijazah", body="Apakah fotokopi ijazah perlu dilegalisir?")
    ask(subject="Jadwal", body="Kapan pendaftaran dibuka?")
    data = client.get("/api/v1/tickets?q=IJAZAH", headers=bearer("petugas1")).json()
    assert [r["subject"] for r in data["results"]] == ["Legalisir ijazah"]


def _user(username):
    from mejabantu.accounts.models import User

    return User.objects.get(username=username)


def test_a_regency_officer_s_api_list_holds_its_desk_newest_first(
    client, bearer, ask, users, network
):
    kept, away, newest = (ask(subject=f"Tiket {i}") for i in range(3))
    services.ticket_escalate(
        ticket=away, to_office=network.province, reason="Pilgub.", actor=users["petugas1"]
    )
    from_beltim, _created = services.ticket_create(
        actor=network.beltim_officer,
        office=network.beltim,
        subject="Dari Belitung Timur",
        body="Domisili di Belitung.",
        category="jadwal",
        requester_name="Warga",
    )
    services.ticket_forward(
        ticket=from_beltim,
        to_office=network.regency,
        reason="Domisili.",
        actor=network.beltim_officer,
    )
    elsewhere, _created = services.ticket_create(
        actor=network.beltim_officer,
        office=network.beltim,
        subject="Lain",
        body="Lain.",
        category="jadwal",
        requester_name="Warga",
    )
    data = client.get("/api/v1/tickets?limit=10", headers=bearer("petugas1")).json()
    listed = [r["reference"] for r in data["results"]]
    assert listed[:4] == [from_beltim.reference, newest.reference, away.reference, kept.reference]
    assert elsewhere.reference not in listed and data["count"] == len(listed)
    deep = client.get("/api/v1/tickets?limit=200&offset=950", headers=bearer("petugas1")).json()
    assert deep["results"] == [] and deep["count"] == data["count"]
