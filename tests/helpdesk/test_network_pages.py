"""Escalation and forwarding on the pages: the ticket page's form (plain post and htmx), the
queues of both offices (cached pages that change on a hop), and who the requester sees
handling the question."""

import pytest
from django.test import Client

from mejabantu.helpdesk import services
from mejabantu.helpdesk.models import Ticket


def _signed_in(user) -> Client:
    """A browser signed in, with the CSRF cookie its first page gave it (cached pages need it)."""
    client = Client()
    client.force_login(user)
    assert client.get("/akun/kata-sandi/").status_code == 200
    return client


def _rows(page: str) -> str:
    return page[page.index("<tbody>") : page.index("</tbody>")]


@pytest.fixture
def escalated(users, ask, network):
    ticket = ask(subject="Syarat calon gubernur", body="Berapa kursi untuk calon gubernur?")
    services.ticket_escalate(
        ticket=ticket,
        to_office=network.province,
        reason="Pertanyaan tentang pemilihan gubernur.",
        actor=users["petugas1"],
    )
    return Ticket.objects.get(pk=ticket.pk)


def test_the_form_escalates_to_the_province_as_a_plain_post(users, ask, network):
    ticket = ask(subject="Syarat calon gubernur")
    officer = _signed_in(users["petugas1"])
    page = officer.get(ticket.get_absolute_url()).content.decode()
    assert "Eskalasi / Teruskan" in page
    assert 'value="19"' in page and 'value="ri"' in page  # the offices above, offered
    response = officer.post(
        f"/tiket/{ticket.reference}/teruskan/",
        {"to": "19", "reason": "Pertanyaan tentang pemilihan gubernur."},
    )
    assert response.status_code == 302 and response["Location"] == ticket.get_absolute_url()
    ticket.refresh_from_db()
    assert ticket.handling_office == network.province
    assert ticket.hops.get().kind == "escalate"
    page = officer.get(ticket.get_absolute_url()).content.decode()
    assert "Ditangani oleh KPU Provinsi Kepulauan Bangka Belitung" in page
    assert 'data-testid="update-form"' not in page  # the asking office no longer changes it
    assert "Tambah catatan internal" in page
    history = page[page.index('data-testid="history"') :]
    assert "eskalasi · KPU Kabupaten Belitung → KPU Provinsi Kepulauan Bangka Belitung" in history
    assert "alasan: Pertanyaan tentang pemilihan gubernur." in history


def test_the_form_forwards_to_another_office_and_explains_what_is_wrong(users, ask, network):
    ticket = ask()
    officer = _signed_in(users["petugas1"])
    url = f"/tiket/{ticket.reference}/teruskan/"
    missing = officer.post(url, {"to": "99.99", "reason": "Salah alamat"})
    assert missing.status_code == 400
    assert "Tidak ada kantor dengan kode “99.99”" in missing.content.decode()
    itself = officer.post(url, {"to": "19.02", "reason": "Salah alamat"})
    assert "sudah menangani tiket ini" in itself.content.decode()
    htmx = officer.post(url, {"to": "19.06", "reason": ""}, headers={"HX-Request": "true"})
    assert htmx.status_code == 400
    fragment = htmx.content.decode()
    assert fragment.lstrip().startswith('<article id="hand-on"')  # only the form, swapped
    assert "errorlist" in fragment
    done = officer.post(url, {"to": "19.06", "reason": "Domisili"}, headers={"HX-Request": "true"})
    assert done.status_code == 204 and done["HX-Redirect"] == ticket.get_absolute_url()
    ticket.refresh_from_db()
    assert ticket.handling_office == network.beltim and ticket.hops.get().kind == "forward"


def test_the_office_search_offers_other_offices_to_forward_to(users, ask, network):
    ticket = ask()
    officer = _signed_in(users["petugas1"])
    found = officer.get(f"/tiket/{ticket.reference}/kantor-tujuan/", {"to": "belitung timur"})
    assert found.status_code == 200
    assert (
        '<option value="19.06">KPU Kabupaten Belitung Timur (19.06)</option>'
        in found.content.decode()
    )
    itself = officer.get(f"/tiket/{ticket.reference}/kantor-tujuan/", {"to": "19.02"})
    assert "19.02" not in itself.content.decode()  # never the office handling it
    other = _signed_in(users["lo-partai-a"])
    assert other.get(f"/tiket/{ticket.reference}/kantor-tujuan/").status_code == 404


def test_the_escalated_ticket_is_in_both_queues_marked_in_the_asking_one(escalated, users, network):
    province = _signed_in(network.prov_officer)
    rows = _rows(province.get("/tiket/").content.decode())
    assert escalated.reference in rows and "dari KPU Kabupaten Belitung" in rows
    assert "Ambil" in rows  # the province takes it
    regency = _signed_in(users["petugas1"])
    rows = _rows(regency.get("/tiket/").content.decode())
    assert escalated.reference in rows
    assert "ditangani KPU Provinsi Kepulauan Bangka Belitung" in rows
    beltim = _signed_in(network.beltim_officer)
    assert escalated.reference not in beltim.get("/tiket/?queue=all").content.decode()


def test_a_cached_queue_page_changes_after_a_hop(users, ask, network):
    ticket = ask(subject="Syarat calon gubernur")
    regency, province = _signed_in(users["petugas1"]), _signed_in(network.prov_officer)
    assert ticket.reference not in _rows(province.get("/tiket/").content.decode())
    before = _rows(regency.get("/tiket/").content.decode())
    assert before == _rows(regency.get("/tiket/").content.decode())  # kept in the cache
    assert "ditangani" not in before
    page_before = regency.get(ticket.get_absolute_url()).content.decode()
    services.ticket_escalate(
        ticket=ticket, to_office=network.province, reason="Gubernur", actor=users["petugas1"]
    )
    assert ticket.reference in _rows(province.get("/tiket/").content.decode())
    assert "ditangani KPU Provinsi" in _rows(regency.get("/tiket/").content.decode())
    page_after = regency.get(ticket.get_absolute_url()).content.decode()
    assert "Ditangani oleh" not in page_before and "Ditangani oleh" in page_after
    # and back: the province's cached queue moves on when it hands the ticket on again
    services.ticket_forward(
        ticket=ticket, to_office=network.beltim, reason="Domisili", actor=network.prov_officer
    )
    assert ticket.reference not in _rows(province.get("/tiket/").content.decode())


def test_the_requester_sees_who_handles_the_question_now(escalated, users, network):
    operator = _signed_in(users["lo-partai-a"])
    page = operator.get(escalated.get_absolute_url()).content.decode()
    assert "Ditangani oleh KPU Provinsi Kepulauan Bangka Belitung" in page
    assert "Pertanyaan tentang pemilihan gubernur." not in page  # the reason is internal
    listing = operator.get("/tiket/saya/").content.decode()
    assert "Ditangani oleh KPU Provinsi Kepulauan Bangka Belitung" in listing


def test_the_public_requester_s_page_shows_the_handling_office(users, office, network, client):
    import uuid

    from mejabantu.helpdesk.services.tokens import public_token_for

    key = uuid.uuid4()
    ticket, _created = services.ticket_create(
        actor=None,
        office=office,
        subject="Debat calon gubernur",
        body="Kapan debat calon gubernur?",
        category="persyaratan-calon",
        requester_name="Warga",
        requester_email="warga@example.com",
        idempotency_key=key,
    )
    services.ticket_escalate(
        ticket=ticket, to_office=network.province, reason="Gubernur", actor=users["petugas1"]
    )
    page = client.get(f"/tiket/ikuti/{public_token_for(key)}/").content.decode()
    assert "Ditangani oleh KPU Provinsi Kepulauan Bangka Belitung" in page


def test_the_province_returns_the_ticket_from_its_page(escalated, users, network):
    province = _signed_in(network.prov_officer)
    response = province.post(
        f"/tiket/{escalated.reference}/kembalikan/",
        {"guidance": "Jawab dengan Pasal 40 UU 10/2016."},
    )
    assert response.status_code == 302
    escalated.refresh_from_db()
    assert escalated.handling_office.code == "19.02"
    regency = _signed_in(users["petugas1"])
    page = regency.get(escalated.get_absolute_url()).content.decode()
    assert "Jawab dengan Pasal 40 UU 10/2016." in page and 'data-testid="update-form"' in page
