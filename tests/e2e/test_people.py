"""A coordinator invites an officer in the browser; the officer opens the mailed link, sets a
password and signs in with it."""

import re

import pytest

pytestmark = pytest.mark.e2e

EMAIL = "wulan@belitung.example"
PASSWORD = "Tanjung-Pandan-2024!"


def test_coordinator_invites_an_officer_who_sets_a_password_and_signs_in(new_page, app_server):
    coordinator = new_page("koordinator")
    coordinator.get_by_role("link", name="Personel").click()
    coordinator.get_by_role("button", name="Undang petugas atau koordinator").click()
    coordinator.get_by_label("Nama").fill("Wulan Sari")
    coordinator.get_by_label("Alamat surel").fill(EMAIL)
    coordinator.get_by_label("Peran").select_option("officer")
    coordinator.get_by_role("button", name="Kirim undangan").click()
    assert coordinator.get_by_text(
        f"tautan untuk mengatur kata sandi dikirim ke {EMAIL}"
    ).is_visible()
    assert coordinator.locator(f'tr[data-person="{EMAIL}"]').is_visible()

    body = app_server.manage(
        "shell",
        "-c",
        "from mejabantu.mail.models import OutgoingMail; "
        f"print(OutgoingMail.objects.filter(to='{EMAIL}').latest('id').body)",
    )
    link = re.search(r"https?://[^/\s]+(/akun/undangan/\S+/)", body).group(1)

    officer = new_page()
    officer.goto(link)
    officer.locator("#id_new_password1").fill(PASSWORD)
    officer.locator("#id_new_password2").fill(PASSWORD)
    officer.get_by_role("button", name="Simpan kata sandi dan masuk").click()
    assert officer.get_by_text("Kata sandi Anda sudah diatur dan Anda sudah masuk").is_visible()

    again = new_page()
    again.goto("/akun/masuk/")
    again.get_by_label("Nama pengguna").fill(EMAIL)
    again.get_by_label("Kata sandi").fill(PASSWORD)
    again.get_by_role("button", name="Masuk").click()
    assert again.get_by_role("link", name=EMAIL).is_visible()
