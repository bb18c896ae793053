"""The public office page says whether the desk is open; the coordinator edits the hours."""

from datetime import date

import pytest

from mejabantu.offices.models import Closure, HoursChange, SlaPolicy, SpecialDay

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("fake_now", "expected"),
    [
        ("2024-09-02T10:00:00+07:00", "Buka sekarang sampai 12.00 WIB"),
        ("2024-09-02T14:00:00+07:00", "Buka sekarang sampai 16.00 WIB"),
        ("2024-09-01T03:00:00+07:00", "Tutup, buka besok 07.30 WIB"),
        ("2024-08-30T17:00:00+07:00", "Tutup, buka Senin 07.30 WIB"),
        ("2024-09-02T12:15:00+07:00", "Tutup, buka hari ini 13.00 WIB"),
        ("2024-08-29T22:00:00+07:00", "Buka sekarang sampai 23.59 WIB"),
    ],
)
def test_public_page_says_open_until_or_when_it_opens(
    client, office, monkeypatch, fake_now, expected
):
    monkeypatch.setenv("MEJABANTU_FAKE_NOW", fake_now)
    page = client.get("/kantor/19.02/").content.decode()
    assert expected in page


def test_public_page_lists_the_week_and_the_registration_days(client, office, monkeypatch):
    monkeypatch.setenv("MEJABANTU_FAKE_NOW", "2024-08-23T10:00:00+07:00")
    page = client.get("/kantor/19.02/").content.decode()
    assert "07.30–11.30, 13.00–16.30" in page  # Friday
    assert "Pendaftaran pasangan calon (hari terakhir)" in page
    assert "08.00–23.59" in page
    assert "Hari Kemerdekaan" not in page  # 17 Aug is past
    assert "belum dikonfirmasi" in page.lower()


@pytest.mark.parametrize("username", [None, "petugas1", "lo-partai-a", "admin"])
@pytest.mark.parametrize("path", ["/kantor/19.02/jam-layanan/", "/kantor/19.02/sla/"])
def test_only_the_office_coordinator_may_edit_hours(client, users, username, path):
    if username:
        client.force_login(users[username])
    response = client.get(path)
    # anonymous: sign in first; officers, party operators and the admin (no office): refused
    assert response.status_code == (302 if username is None else 403)


def test_a_coordinator_of_another_office_is_refused(client, users):
    client.force_login(users["koordinator"])
    assert client.get("/kantor/19/jam-layanan/").status_code == 403
    assert client.get("/kantor/99.99/jam-layanan/").status_code == 404


def test_coordinator_changes_the_week_and_the_change_log_shows_it(client, users, monkeypatch):
    monkeypatch.setenv("MEJABANTU_FAKE_NOW", "2024-09-02T10:00:00+07:00")
    client.force_login(users["koordinator"])
    week = {
        "monday": "08.00–12.00, 13.00–16.00",
        "tuesday": "08.00-16.00",
        "wednesday": "08.00–16.00",
        "thursday": "08.00–16.00",
        "friday": "08.00–11.30, 13.00–16.30",
        "saturday": "",
        "sunday": "",
        "confirmed": "on",
    }
    response = client.post("/kantor/19.02/jam-layanan/", week, follow=True)
    page = response.content.decode()
    assert "Jam mingguan disimpan." in page
    assert "08.00–12.00, 13.00–16.00" in page
    change = HoursChange.objects.first()
    assert change.actor == users["koordinator"]
    assert change.before["hours"]["0"] == "07.30–12.00, 13.00–16.00"
    assert change.after["hours"]["0"] == "08.00–12.00, 13.00–16.00"
    assert "koordinator" in page or users["koordinator"].get_full_name() in page
    monkeypatch.setenv("MEJABANTU_FAKE_NOW", "2024-09-02T07:45:00+07:00")
    assert "Tutup, buka hari ini 08.00 WIB" in client.get("/kantor/19.02/").content.decode()


def test_bad_hours_are_refused_in_indonesian_and_the_input_is_kept(client, users):
    client.force_login(users["koordinator"])
    response = client.post(
        "/kantor/19.02/jam-layanan/", {"monday": "07.30–12.00, 11.00–16.00", "tuesday": "x"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Tulis jam seperti" in page
    assert 'value="07.30–12.00, 11.00–16.00"' in page
    assert not HoursChange.objects.filter(subject="weekly_hours", actor__isnull=False).exists()


def test_coordinator_adds_and_removes_closures_and_special_days(client, users):
    client.force_login(users["koordinator"])
    client.post(
        "/kantor/19.02/jam-layanan/penutupan/",
        {
            "date": "2024-09-03",
            "name": "Rapat pleno",
            "kind": "closure",
            "start": "13:00",
            "end": "15:00",
        },
    )
    client.post(
        "/kantor/19.02/jam-layanan/hari-khusus/",
        {"date": "2024-09-07", "name": "Layanan Sabtu", "hours": "08.00–12.00", "confirmed": "on"},
    )
    closure = Closure.objects.get(name="Rapat pleno")
    assert closure.start.hour == 13
    assert SpecialDay.objects.get(date=date(2024, 9, 7)).hours == "08.00–12.00"
    client.post(f"/kantor/19.02/jam-layanan/penutupan/{closure.pk}/hapus/")
    assert not Closure.objects.filter(pk=closure.pk).exists()
    subjects = list(
        HoursChange.objects.filter(actor=users["koordinator"]).values_list("subject", flat=True)
    )
    assert subjects == ["closure", "special_day", "closure"]


def test_a_partial_closure_needs_both_times(client, users):
    client.force_login(users["koordinator"])
    response = client.post(
        "/kantor/19.02/jam-layanan/penutupan/",
        {"date": "2024-09-03", "name": "Rapat", "kind": "closure", "start": "13:00"},
    )
    assert response.status_code == 400
    assert "Isi kedua jam" in response.content.decode()


def test_coordinator_sets_ramadan_hours(client, users):
    client.force_login(users["koordinator"])
    response = client.post(
        "/kantor/19.02/jam-layanan/jam-berjangka/",
        {
            "name": "Ramadan 1446 H",
            "first_day": "2025-03-01",
            "last_day": "2025-03-30",
            "monday": "08.00–12.00, 12.30–15.00",
            "friday": "08.00–11.30, 13.00–15.30",
        },
        follow=True,
    )
    assert "Ramadan 1446 H" in response.content.decode()


def test_coordinator_edits_sla_policies(client, users):
    client.force_login(users["koordinator"])
    response = client.post(
        "/kantor/19.02/sla/",
        {
            "category_code": "dokumen",
            "priority": "high",
            "first_response_minutes": "90",
            "resolution_minutes": "900",
            "warning_percent": "80",
        },
        follow=True,
    )
    assert "Kebijakan SLA disimpan." in response.content.decode()
    policy = SlaPolicy.objects.get(category_code="dokumen", priority="high")
    assert policy.warning_percent == 80
    bad = client.post(
        "/kantor/19.02/sla/",
        {
            "category_code": "",
            "priority": "",
            "first_response_minutes": "600",
            "resolution_minutes": "60",
            "warning_percent": "75",
        },
    )
    assert bad.status_code == 400
    assert 'value="600"' in bad.content.decode()
    client.post(f"/kantor/19.02/sla/{policy.pk}/hapus/")
    assert not SlaPolicy.objects.filter(pk=policy.pk).exists()


def test_public_page_needs_few_queries_once_the_calendar_is_cached(
    client, office, django_assert_max_num_queries
):
    client.get("/kantor/19.02/")  # builds and caches the calendar
    with django_assert_max_num_queries(6):
        client.get("/kantor/19.02/")


def test_coordinator_pages_need_a_bounded_number_of_queries(
    client, users, django_assert_max_num_queries
):
    client.force_login(users["koordinator"])
    client.get("/kantor/19.02/jam-layanan/")
    with django_assert_max_num_queries(14):
        assert client.get("/kantor/19.02/jam-layanan/").status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get("/kantor/19.02/sla/").status_code == 200


def test_home_lists_kpu_ri_and_every_province(client, demo):
    page = client.get("/").content.decode()
    assert page.count('href="/kantor/') >= 39
    assert 'href="/kantor/ri/"' in page and 'href="/kantor/96/"' in page  # Papua Barat Daya
    assert 'href="/kantor/19.02/"' in page  # the default office's button, not the list
    assert "KPU Kabupaten Bangka<" not in page


def test_a_province_page_lists_its_kabupaten_kota_offices(client, demo):
    page = client.get("/kantor/19/").content.decode()
    assert 'data-testid="offices-below"' in page
    for code in ("19.01", "19.02", "19.03", "19.04", "19.05", "19.06", "19.71"):
        assert f'href="/kantor/{code}/"' in page
    assert 'data-testid="offices-below"' not in client.get("/kantor/19.02/").content.decode()


def test_the_desks_link_shows_to_the_province_own_staff(client, users):
    client.force_login(users["petugas-prov"])
    assert "/tiket/kantor/19/meja/" in client.get("/kantor/19/").content.decode()
    client.force_login(users["petugas1"])
    assert "/tiket/kantor/19/meja/" not in client.get("/kantor/19/").content.decode()
