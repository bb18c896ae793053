"""The demo runs in a real browser: sign in, see the office page, switch language."""

import pytest

pytestmark = pytest.mark.e2e


def test_officer_signs_in_and_public_sees_office_page_in_indonesian(new_page):
    page = new_page()
    page.goto("/kantor/19.02/")
    assert page.get_by_role("heading", name="KPU Kabupaten Belitung").is_visible()
    for sheet in page.locator("link[rel=stylesheet]").all():  # the page is styled, not bare
        assert page.request.get(sheet.get_attribute("href")).status == 200
    assert page.get_by_role("heading", name="Cara bertanya").is_visible()
    page.get_by_role("button", name="English").click()
    assert page.get_by_role("heading", name="How to ask").is_visible()


def test_wrong_password_keeps_the_username_and_says_why(new_page):
    page = new_page()
    page.goto("/akun/masuk/")
    page.get_by_label("Nama pengguna").fill("petugas1")
    page.get_by_label("Kata sandi").fill("salah")
    page.get_by_role("button", name="Masuk").click()
    assert page.get_by_role("alert").is_visible()
    assert page.get_by_label("Nama pengguna").input_value() == "petugas1"


@pytest.mark.parametrize(
    "path",
    [
        "/tiket/?queue=open",
        "/tiket/catat/",
        "/pengetahuan/kelola/",
        "/pengetahuan/kelola/pengumuman/baru/",
        "/jadwal/",
    ],
)
def test_staff_pages_fit_a_phone_without_sideways_scrolling(new_page, path):
    page = new_page("koordinator", width=390)  # the longest menu: coordinator's
    page.goto(path)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} is {overflow}px wider than the phone"
    assert page.get_by_role("button", name="Keluar").is_visible()
