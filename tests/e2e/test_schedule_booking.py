"""A party operator books, moves and cancels a consultation in the browser (frozen clock)."""

import subprocess
import sys
import time
import urllib.request

import pytest

from tests.fixtures.app_server import _free_port

pytestmark = pytest.mark.e2e
FAKE_NOW = "2024-09-02T09:00:00+07:00"  # Monday morning, the week after registration


@pytest.fixture
def frozen_url(app_server):
    """A second server on the demo database whose clock reads FAKE_NOW."""
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "mejabantu.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--log-level",
            "warning",
        ],
        env={**app_server.env, "MEJABANTU_FAKE_NOW": FAKE_NOW},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{url}/healthz", timeout=2)  # noqa: S310 - loopback
            break
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                raise RuntimeError("the frozen-clock server did not start") from None
            time.sleep(0.2)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def test_party_operator_books_moves_and_cancels_a_consultation(new_page, frozen_url):
    page = new_page("lo-partai-a", width=390)  # a phone; the session cookie serves both ports
    page.goto(f"{frozen_url}/jadwal/konsultasi/")
    page.get_by_label("Apa yang ingin Anda konsultasikan?").fill("Dokumen persyaratan koalisi")
    page.locator('#slots a[href^="?day=2024-09-03"]').click()
    page.get_by_role("heading", name="Selasa, 3 September 2024").wait_for()
    page.get_by_test_id("slot-10.00").click()

    page.get_by_text("Tersimpan. Kantor akan mengonfirmasi").wait_for()
    assert page.get_by_test_id("when").inner_text().startswith("Selasa, 3 September 2024 10.00 WIB")
    assert page.get_by_test_id("status").inner_text() == "diminta"
    assert page.get_by_text("Dokumen persyaratan koalisi").is_visible()

    move = page.get_by_test_id("move-form")
    move.locator('a[href^="?day=2024-09-04"]').click()
    page.get_by_role("heading", name="Rabu, 4 September 2024").wait_for()
    move.get_by_test_id("slot-13.30").click()
    page.get_by_text("Dipindahkan.").wait_for()
    assert page.get_by_test_id("when").inner_text().startswith("Rabu, 4 September 2024 13.30 WIB")

    page.get_by_test_id("cancel").click()
    page.get_by_text("Pemesanan dibatalkan").wait_for()
    assert page.get_by_test_id("status").inner_text() == "dibatalkan"
    page.goto(f"{frozen_url}/jadwal/konsultasi/")
    assert page.get_by_text("Belum ada pemesanan.").is_visible()
