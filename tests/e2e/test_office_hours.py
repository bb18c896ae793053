"""The office page in a browser with a frozen clock: open and closed, and the coordinator's page.

The frozen clock reaches the server through MEJABANTU_FAKE_NOW (mejabantu/offices/clock.py):
each case starts its own gunicorn on the app server's database with the variable set.
"""

import subprocess
import sys
import time
import urllib.request

import pytest

from tests.fixtures.app_server import _free_port

pytestmark = pytest.mark.e2e


@pytest.fixture
def frozen_server(app_server):
    """Start a server on the demo database whose working-time clock reads `fake_now`."""
    procs = []

    def start(fake_now: str) -> str:
        port = _free_port()
        env = {**app_server.env, "MEJABANTU_FAKE_NOW": fake_now}
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
                "--graceful-timeout",
                "1",
                "--log-level",
                "warning",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        procs.append(proc)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{url}/healthz", timeout=2)  # noqa: S310 - loopback
                return url
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError("the frozen-clock server did not start") from None
                time.sleep(0.2)

    yield start
    for proc in procs:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.parametrize(
    ("fake_now", "status"),
    [
        ("2024-09-02T10:00:00+07:00", "Buka sekarang sampai 12.00 WIB"),
        ("2024-08-30T16:45:00+07:00", "Tutup, buka Senin 07.30 WIB"),
    ],
)
def test_office_page_shows_open_and_closed_with_a_frozen_clock(
    new_page, frozen_server, fake_now, status
):
    url = frozen_server(fake_now)
    page = new_page(width=390)  # a phone
    page.goto(f"{url}/kantor/19.02/")
    assert page.get_by_test_id("opening-status").inner_text() == status
    page.get_by_text("Jam layanan pekan ini").click()
    assert page.get_by_role("row", name="Jumat 07.30–11.30, 13.00–16.30 WIB").is_visible()


def test_coordinator_adds_a_special_day_and_sees_it_in_the_change_log(new_page):
    page = new_page("koordinator")
    page.goto("/kantor/19.02/")
    page.get_by_role("link", name="Atur jam layanan").click()
    form = page.locator("form", has=page.get_by_role("button", name="Simpan hari khusus"))
    form.get_by_label("Tanggal").fill("2031-03-01")
    form.get_by_label("Nama").fill("Layanan Sabtu uji coba")
    form.get_by_label("Jam").fill("08.00–12.00")
    form.get_by_role("button", name="Simpan hari khusus").click()
    assert page.get_by_text("Hari khusus disimpan.").is_visible()
    log = page.get_by_test_id("change-log")
    assert log.get_by_role("row").nth(1).get_by_text("Layanan Sabtu uji coba").is_visible()
    # bad input keeps what was typed and says what to do
    form = page.locator("form", has=page.get_by_role("button", name="Simpan hari khusus"))
    form.get_by_label("Tanggal").fill("2031-03-02")
    form.get_by_label("Nama").fill("Salah")
    form.get_by_label("Jam").fill("16.00–08.00")
    form.get_by_role("button", name="Simpan hari khusus").click()
    assert page.get_by_text("Tulis jam seperti").first.is_visible()
    form = page.locator("form", has=page.get_by_role("button", name="Simpan hari khusus"))
    assert form.get_by_label("Jam").input_value() == "16.00–08.00"
    assert form.get_by_label("Nama").input_value() == "Salah"
