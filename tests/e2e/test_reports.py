"""The report page in Chromium on a phone's width: figures, charts beside their tables, the
province's office picker, and nothing the Content-Security-Policy refuses (new_page checks)."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

AUGUST = "date_from=2024-08-01&date_to=2024-09-30"  # the demo tickets' two months


def test_a_coordinator_reads_the_demo_desks_report_on_a_phone(new_page, app_server, tmp_path):
    page = new_page("koordinator", width=390)
    page.goto("/")
    page.get_by_role("link", name="Laporan").first.click()
    expect(page.get_by_role("heading", name="Laporan", level=1)).to_be_visible()
    page.goto(f"/laporan/?{AUGUST}")
    received = page.get_by_test_id("figure-received").locator(".value")
    expect(received).not_to_have_text("0")
    page.get_by_test_id("figure-first_response_median").get_by_text("Cara menghitung").click()
    expect(page.get_by_text("dalam waktu kerja kantor tempat bertanya")).to_be_visible()
    chart = page.get_by_test_id("breakdown-category").locator("svg")
    expect(chart).to_be_visible()
    box = chart.bounding_box()
    assert box is not None and 0 < box["width"] <= 390 and box["height"] > 40
    # the page itself never scrolls sideways at 390 px (wide tables scroll in their box)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(tmp_path / "report-390.png"), full_page=True)
    with page.expect_download() as download:
        page.get_by_test_id("download-xlsx").click()
    assert download.value.suggested_filename == "laporan-19.02-20240801-20240930.xlsx"


def test_the_province_picks_one_of_its_desks(new_page, app_server):
    page = new_page("petugas-prov")
    page.goto(f"/laporan/?{AUGUST}")
    expect(page.get_by_test_id("report-scope")).to_contain_text("kantor dijumlahkan")
    page.get_by_label("Kantor").select_option("19.02")
    page.get_by_role("button", name="Tampilkan").click()
    expect(page.get_by_test_id("report-scope")).to_contain_text("KPU Kabupaten Belitung")
    expect(page.get_by_test_id("report-scope")).not_to_contain_text("dijumlahkan")


def test_the_report_passes_axe_checks(new_page):
    from axe_playwright_python.sync_playwright import Axe

    page = new_page("petugas-prov")
    page.goto(f"/laporan/?{AUGUST}&office=19.02")
    page.get_by_test_id("figure-received").get_by_text("Cara menghitung").click()
    violations = Axe().run(page).response["violations"]
    assert [(v["id"], v["nodes"][0]["html"][:120]) for v in violations] == []
