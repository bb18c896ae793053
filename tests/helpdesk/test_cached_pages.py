"""The queues and ticket pages are cached pages (core.page_cache): never stale after a change,
never shown to the wrong user, their forms working."""

import re

import pytest
from django.core.cache import cache

from mejabantu.helpdesk import services
from mejabantu.helpdesk.models import Category, Status


def _queue(client, url="/tiket/?queue=all"):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _rows(page: str) -> str:
    return page[page.index("<tbody>") : page.index("</tbody>")]


def _signed_in(client, user):
    """Signed in as a browser is: with the CSRF cookie its first page gave it."""
    client.force_login(user)
    assert client.get("/akun/kata-sandi/").status_code == 200
    return client


@pytest.fixture
def officer(client, users):
    return _signed_in(client, users["petugas1"])


def test_the_second_view_is_served_from_the_cache(officer, ask, django_assert_max_num_queries):
    ask(subject="Syarat ijazah paket C")
    first = _queue(officer)
    # two statements: the session, the user with their office (whose versions key the page)
    with django_assert_max_num_queries(2):
        second = _queue(officer)
    assert first == second


def test_a_change_made_by_another_process_shows_on_the_next_view(officer, ask):
    from mejabantu.offices.models import Office

    ticket = ask(subject="Syarat ijazah paket C")
    assert "Syarat ijazah paket C" in _rows(_queue(officer))
    _queue(officer)  # kept
    # another process renames it: its write and the version bump, as the signals do
    type(ticket).objects.filter(pk=ticket.pk).update(subject="Syarat ijazah paket B")
    Office.bump("tickets_version", pk=ticket.office_id)
    assert "Syarat ijazah paket B" in _rows(_queue(officer))


def test_an_old_office_row_saved_again_never_takes_its_versions_back(officer, ask, office):
    from mejabantu.offices.models import Office

    stale = Office.objects.get(pk=office.pk)  # read, e.g., by the admin's form
    ask(subject="Tiket sesudah dibaca")
    assert "Tiket sesudah dibaca" in _rows(_queue(officer))
    stale.name = "KPU Kabupaten Belitung (ubah)"
    stale.save()  # would write the versions it read, were they not left out
    fresh = Office.objects.get(pk=office.pk)
    assert fresh.tickets_version > stale.tickets_version
    assert "Tiket sesudah dibaca" in _rows(_queue(officer))


@pytest.mark.parametrize(
    "change",
    ["ask", "reply", "note", "status", "take", "assign", "merge", "rate", "category", "sla"],
)
def test_every_change_shows_on_the_next_view(officer, ask, users, office, change):
    officer_user = users["petugas1"]
    ticket = ask(subject="Pertanyaan pertama")
    other = ask(subject="Pertanyaan kedua", username="lo-partai-a")
    page = _queue(officer)
    assert "Pertanyaan pertama" in page
    if change == "ask":
        ask(subject="Pertanyaan baru sekali")
        expected = "Pertanyaan baru sekali"
    elif change in ("reply", "note"):
        services.message_add(
            ticket=ticket, actor=officer_user, body="Jawaban", internal=change == "note"
        )
        ticket.refresh_from_db()
        expected = f"{ticket.message_count} ✉"
        assert ticket.message_count == 1
    elif change == "status":
        services.ticket_update(
            ticket=ticket, actor=officer_user, expected_version=None, status=Status.WAITING
        )
        expected = 'class="badge status-waiting"'
    elif change == "take":
        services.ticket_take(ticket=ticket, actor=users["petugas2"])
        expected = str(users["petugas2"])
    elif change == "assign":
        services.ticket_update(
            ticket=ticket, actor=officer_user, expected_version=None, assignee=users["petugas2"]
        )
        expected = str(users["petugas2"])
    elif change == "merge":
        services.ticket_merge(source=other, target=ticket, actor=officer_user)
        expected = "ditutup"
    elif change == "rate":
        services.ticket_update(
            ticket=ticket, actor=officer_user, expected_version=None, status=Status.RESOLVED
        )
        _queue(officer)
        ticket.refresh_from_db()
        services.ticket_rate(ticket=ticket, rating=5, actor=users["lo-partai-a"])
        expected = None  # the queue does not show ratings; the ticket's page does
    elif change == "category":
        Category.objects.filter(code="persyaratan-calon").update(name="Nama baru kategori")
        Category.objects.get(code="persyaratan-calon").save()
        expected = "Nama baru kategori"
    elif change == "sla":
        from datetime import timedelta

        from mejabantu.helpdesk.services.sla import sla_sweep

        ticket.refresh_from_db()
        assert ticket.sla_due is not None
        sla_sweep(now=ticket.sla_due + timedelta(days=30))  # the worker finds it late
        expected = "terlambat"
    after = _queue(officer)
    if expected is not None:
        assert expected not in _rows(page)
        assert expected in _rows(after)
    assert after != page


def test_a_cached_page_is_never_shown_to_another_viewer(client, ask, users):
    ticket = ask(subject="Untuk petugas satu")
    services.ticket_update(
        ticket=ticket, actor=users["petugas1"], expected_version=None, assignee=users["petugas1"]
    )
    _signed_in(client, users["petugas1"])
    assert "Untuk petugas satu" in _queue(client, "/tiket/?queue=mine")
    _signed_in(client, users["petugas2"])
    page = _queue(client, "/tiket/?queue=mine")
    assert "Untuk petugas satu" not in page
    assert 'href="/akun/' in page and "petugas2" in page
    client.force_login(users["lo-partai-a"])
    assert client.get("/tiket/?queue=mine").status_code == 404


def test_forms_on_a_cached_page_carry_a_fresh_working_token(ask, users):
    from django.test import Client

    ticket = ask(subject="Ambil saya")
    browser = _signed_in(Client(enforce_csrf_checks=True), users["petugas1"])
    assert _queue(browser) == _queue(browser)  # rendered for the cache, served from it
    page = _queue(browser)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = browser.post(
        f"/tiket/{ticket.reference}/ambil/",
        {"csrfmiddlewaretoken": token, "next": "/tiket/?queue=all"},
    )
    assert response.status_code == 302 and response["Location"] == "/tiket/?queue=all"
    ticket.refresh_from_db()
    assert ticket.assignee == users["petugas1"]
    # the flash message shows once, on a page rendered for it, then the cache serves again
    assert "Anda mengambil" in _queue(browser) or "You took" in _queue(browser)


def test_a_page_is_kept_per_browser_and_its_token_masked_afresh_per_render(ask, users):
    from django.middleware.csrf import _unmask_cipher_token
    from django.test import Client

    ticket = ask(subject="Token baru")
    token = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    browser = _signed_in(Client(enforce_csrf_checks=True), users["petugas1"])
    kept = token.search(_queue(browser)).group(1)
    # another address (e.g. with a reflected search term) is another render: a new mask
    tokens = {token.search(_queue(browser, f"/tiket/?queue=all&q=x{i}")).group(1) for i in range(5)}
    assert kept not in tokens and len(tokens) == 5
    secret = browser.cookies["csrftoken"].value
    assert {_unmask_cipher_token(t) for t in tokens | {kept}} == {secret}
    # a second browser of the same officer gets pages made for its own cookie
    other = _signed_in(Client(enforce_csrf_checks=True), users["petugas1"])
    theirs = token.search(_queue(other)).group(1)
    assert _unmask_cipher_token(theirs) == other.cookies["csrftoken"].value != secret
    forged = kept[:40] + ("a" if kept[40] != "a" else "b") + kept[41:]
    response = browser.post(f"/tiket/{ticket.reference}/ambil/", {"csrfmiddlewaretoken": forged})
    assert response.status_code == 403


def test_take_never_redirects_off_site(officer, ask):
    ticket = ask(subject="Jangan dialihkan")
    response = officer.post(
        f"/tiket/{ticket.reference}/ambil/", {"next": "https://evil.example/phish"}
    )
    assert response.status_code == 302
    assert response["Location"] == ticket.get_absolute_url()


def test_english_and_indonesian_are_cached_apart(officer, ask):
    ask(subject="Dua bahasa")
    assert "Antrean" in _queue(officer) or "antrean" in _queue(officer)
    officer.cookies["django_language"] = "en"
    assert "Ticket queues" in _queue(officer)
    cache.clear()


def test_the_ticket_form_lists_new_officers_categories_and_guidance_at_once(officer, ask, office):
    from mejabantu.accounts.models import User
    from mejabantu.knowledge.models import PendingGuidance

    ticket = ask(subject="Daftar pilihan")
    page = officer.get(ticket.get_absolute_url()).content.decode()
    assert "petugas-baru" not in page
    User.objects.create_user("petugas-baru", password="x-Baru-2024!", role="officer", office=office)
    Category.objects.create(office=office, code="sengketa", name="Sengketa pencalonan")
    PendingGuidance.objects.create(title="Juknis usia calon", office=office.parent)
    page = officer.get(ticket.get_absolute_url()).content.decode()
    assert '<option value="petugas-baru">' in page
    assert '<option value="sengketa">Sengketa pencalonan</option>' in page
    assert "Juknis usia calon" in page
    assert '<select name="status" id="id_status">' in page


def test_search_finds_by_reference_words_and_name(officer, ask, users, office):
    wanted = ask(subject="Surat keterangan sehat", body="Rumah sakit mana yang ditunjuk?")
    other = ask(subject="Jadwal pendaftaran", body="Kapan pendaftaran dibuka?")
    walk_in, _created = services.ticket_create(
        actor=users["petugas1"],
        office=office,
        subject="Pertanyaan di meja",
        body="Soal dukungan",
        category="lainnya",
        channel="desk",
        requester_name="Bapak Sukardi",
    )

    def found(q):
        rows = _rows(_queue(officer, f"/tiket/?queue=all&q={q}"))
        return {t.reference for t in (wanted, other, walk_in) if t.reference in rows}

    assert found(wanted.reference.lower()) == {wanted.reference}
    assert found("RUMAH SAKIT") == {wanted.reference}
    assert found("pendaftaran") == {other.reference}
    assert found("sukardi") == {walk_in.reference}
    assert found("tidak-ada-di-mana-mana") == set()


def test_my_tickets_shows_an_answer_at_once_and_only_to_its_organisation(client, ask, users):
    ticket = ask(subject="Status berkas kami")
    _signed_in(client, users["lo-partai-a"])
    assert "baru" in _rows(client.get("/tiket/saya/").content.decode())
    services.message_add(ticket=ticket, actor=users["petugas1"], body="Sudah kami periksa.")
    rows = _rows(client.get("/tiket/saya/").content.decode())
    assert "diproses" in rows and "baru" not in rows
    client.force_login(users["lo-partai-b"])
    assert "Status berkas kami" not in client.get("/tiket/saya/").content.decode()


def test_a_party_sees_the_answer_on_its_ticket_page_at_once(client, ask, users):
    ticket = ask(subject="Menunggu jawaban")
    _signed_in(client, users["lo-partai-a"])
    url = ticket.get_absolute_url()
    assert "Sudah kami periksa" not in client.get(url).content.decode()
    assert "Sudah kami periksa" not in client.get(url).content.decode()  # from the cache
    services.message_add(ticket=ticket, actor=users["petugas1"], body="Sudah kami periksa.")
    services.message_add(
        ticket=ticket, actor=users["petugas1"], body="Catatan rahasia petugas", internal=True
    )
    page = client.get(url).content.decode()
    assert "Sudah kami periksa" in page and "Catatan rahasia petugas" not in page
    client.force_login(users["lo-partai-b"])
    assert client.get(url).status_code == 404


# The officer's ticket page: cached per viewer and ticket; its SLA clocks are loaded apart.


def _at(*args):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return datetime(*args, tzinfo=ZoneInfo("Asia/Jakarta"))


def _clocks(client, ticket) -> str:
    response = client.get(f"{ticket.get_absolute_url()}jam/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_ticket_page_is_cached_but_its_clocks_keep_running(
    officer, ask, office, users, django_assert_max_num_queries
):
    import time_machine

    from mejabantu.offices.models import SlaPolicy

    SlaPolicy.objects.filter(office=office).update(first_response_minutes=10)
    with time_machine.travel(_at(2024, 8, 26, 8, 0), tick=False):  # Monday, desk open
        ticket = ask(subject="Jam berjalan")
        first = officer.get(ticket.get_absolute_url()).content.decode()
        assert "(0/10 menit kerja)" in _clocks(officer, ticket)
    assert f'hx-get="{ticket.get_absolute_url()}jam/"' in first  # the page loads them
    with time_machine.travel(_at(2024, 8, 26, 8, 4), tick=False):
        with django_assert_max_num_queries(3):  # the session, the user, the ticket
            later = officer.get(ticket.get_absolute_url()).content.decode()
        assert "(4/10 menit kerja)" in _clocks(officer, ticket)
    assert later == first
    with time_machine.travel(_at(2024, 8, 26, 8, 9), tick=False):
        clocks = _clocks(officer, ticket)
    assert "hampir jatuh tempo" in clocks or "terlambat" in clocks
    with time_machine.travel(_at(2024, 8, 26, 8, 11), tick=False):
        clocks = _clocks(officer, ticket)
    assert "terlambat" in clocks and "Mengapa" in clocks
    _signed_in(officer, users["lo-partai-a"])  # a party sees no clocks
    assert officer.get(f"{ticket.get_absolute_url()}jam/").status_code == 404


@pytest.mark.parametrize(
    "change", ["reply", "note", "status", "take", "file", "appointment", "rate", "category"]
)
def test_every_change_of_a_ticket_shows_on_its_page_at_once(
    officer, ask, users, office, change, monkeypatch
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.helpdesk.conftest import PNG

    ticket = ask(subject="Halaman tiket")
    url = ticket.get_absolute_url()
    officer.get(url)
    before = officer.get(url).content.decode()  # from the cache
    officer_user = users["petugas1"]
    if change in ("reply", "note"):
        services.message_add(
            ticket=ticket, actor=officer_user, body="Isi balasan baru", internal=change == "note"
        )
        expected = "Isi balasan baru"
    elif change == "status":
        services.ticket_update(
            ticket=ticket, actor=officer_user, expected_version=None, status=Status.WAITING
        )
        expected = 'class="badge status-waiting"'
    elif change == "take":
        services.ticket_take(ticket=ticket, actor=users["petugas2"])
        expected = '<option value="petugas2" selected>'
    elif change == "file":
        services.message_add(
            ticket=ticket,
            actor=users["lo-partai-a"],
            body="Berkas susulan",
            uploads=[SimpleUploadedFile("pas-foto-calon.png", PNG, content_type="image/png")],
        )
        expected = "pas-foto-calon.png"
    elif change == "appointment":
        from mejabantu.schedule import services as schedule

        monkeypatch.setenv("MEJABANTU_FAKE_NOW", _at(2024, 9, 2, 9, 0).isoformat())
        schedule.appointment_book(
            actor=users["lo-partai-a"],
            office=office,
            starts_at=_at(2024, 9, 3, 10, 0),
            ticket=ticket,
        )
        expected = "Jadwal konsultasi"
    elif change == "rate":
        services.ticket_update(
            ticket=ticket, actor=officer_user, expected_version=None, status=Status.RESOLVED
        )
        officer.get(url)
        ticket.refresh_from_db()
        before = officer.get(url).content.decode()
        services.ticket_rate(ticket=ticket, rating=4, actor=users["lo-partai-a"])
        expected = "4/5"
    else:
        category = Category.objects.get(code="persyaratan-calon")
        category.name = "Persyaratan calon (baru)"
        category.save()
        expected = "Persyaratan calon (baru)"
    assert expected not in before
    assert expected in officer.get(url).content.decode()


def test_a_change_of_another_ticket_keeps_this_page_cached(
    officer, ask, users, django_assert_max_num_queries
):
    ticket = ask(subject="Tetap di cache")
    other = ask(subject="Tiket lain")
    officer.get(ticket.get_absolute_url())
    services.message_add(ticket=other, actor=users["petugas1"], body="Jawaban tiket lain")
    with django_assert_max_num_queries(3) as ctx:  # the session, the user, the versions
        page = officer.get(ticket.get_absolute_url()).content.decode()
    assert "Tetap di cache" in page
    # a page from the cache reads the four numbers it is kept under, not the whole ticket
    ticket_read = next(q["sql"] for q in ctx.captured_queries if "helpdesk_ticket" in q["sql"])
    assert '"helpdesk_ticket"."body"' not in ticket_read


def test_a_cached_ticket_page_is_never_shown_to_another_officer_or_office(
    client, ask, users, other_office
):
    ticket = ask(subject="Hanya kantor ini")
    _signed_in(client, users["petugas1"])
    page = client.get(ticket.get_absolute_url()).content.decode()
    assert "Ambil tiket ini" in page or "Take this ticket" in page
    services.ticket_take(ticket=ticket, actor=users["petugas1"])
    client.get(ticket.get_absolute_url())
    _signed_in(client, users["petugas2"])
    page = client.get(ticket.get_absolute_url()).content.decode()
    assert "petugas2" in page and ("Ambil tiket ini" in page or "Take this ticket" in page)
    from mejabantu.accounts.models import User

    client.force_login(User.objects.get(username="petugas-bangka"))
    assert client.get(ticket.get_absolute_url()).status_code == 404
    client.force_login(users["lo-partai-b"])
    assert client.get(ticket.get_absolute_url()).status_code == 404


def test_a_change_of_the_office_hours_moves_the_clocks_on_a_cached_ticket_page(
    officer, ask, users, office
):
    from datetime import date

    import time_machine

    from mejabantu.offices import services as office_services

    with time_machine.travel(_at(2024, 8, 23, 15, 50), tick=False):  # Friday
        ticket = ask(subject="Hari libur mendadak")
        officer.get(ticket.get_absolute_url())
        page = officer.get(ticket.get_absolute_url()).content.decode()
        assert "Senin, 26 Agustus 2024 10.50 WIB" in page + _clocks(officer, ticket)
        office_services.closure_create(
            office=office, actor=users["koordinator"], day=date(2024, 8, 26), name="Cuti bersama"
        )
        assert officer.get(ticket.get_absolute_url()).content.decode() != page
        clocks = _clocks(officer, ticket)
    assert "Selasa, 27 Agustus 2024" in clocks  # Monday closed: due a day later


def test_a_ticket_page_opened_by_its_number_is_never_stale(officer, ask, users):
    ticket = ask(subject="Dibuka dengan nomor")
    url = f"/tiket/{ticket.pk}/"
    assert "Dibuka dengan nomor" in officer.get(url).content.decode()
    services.message_add(ticket=ticket, actor=users["petugas1"], body="Balasan lewat nomor")
    assert "Balasan lewat nomor" in officer.get(url).content.decode()
