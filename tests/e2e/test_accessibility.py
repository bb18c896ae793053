"""Every main page passes axe-core's checks (labels, contrast, landmarks, names) in Chromium."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.e2e

PAGES = {
    None: [
        "/kantor/19.02/",
        "/akun/masuk/",
        "/pengetahuan/",
        "/pengetahuan/pengumuman/",
        "/pencalonan/",
        "/jadwal/",
        "/halaman-yang-tidak-ada/",
        "/",
        "/kantor/19/",
    ],
    "lo-partai-a": ["/tiket/saya/", "/tiket/tanya/", "/jadwal/konsultasi/"],
    "koordinator": [
        "/tiket/?queue=open",
        "/tiket/catat/",
        "/tiket/pengaturan/",
        "/pengetahuan/kelola/",
        "/pengetahuan/kelola/pengumuman/baru/",
        "/akun/kantor/19.02/orang/",
        "/akun/undang/",
    ],
    "petugas-ri": ["/tiket/kantor/ri/meja/", "/tiket/kantor/19/meja/"],
}


@pytest.mark.parametrize("username", list(PAGES), ids=lambda u: u or "public")
def test_pages_have_no_accessibility_violations(new_page, username):
    page = new_page(username)
    axe = Axe()
    found = {}
    for path in PAGES[username]:
        page.goto(path)
        page.wait_for_load_state("networkidle")  # htmx panels included
        violations = axe.run(page).response["violations"]
        if violations:
            found[path] = [(v["id"], v["impact"], v["nodes"][0]["html"][:120]) for v in violations]
    assert found == {}


def test_a_ticket_thread_and_the_officer_workspace_are_accessible(new_page):
    officer = new_page("koordinator")
    officer.goto("/tiket/?queue=open")
    officer.get_by_test_id("ticket-table").get_by_role("link").first.click()
    officer.wait_for_load_state("networkidle")
    violations = Axe().run(officer).response["violations"]
    assert [(v["id"], v["nodes"][0]["html"][:120]) for v in violations] == []
