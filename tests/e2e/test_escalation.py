"""Escalation end to end in Chromium: a regency officer escalates a party's question to the
province; the province officer finds it in its queue and answers; the party's page shows that
the province handles it, and the answer."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

# The province's demo officer, made here while the demo data has none (demo password).
PROVINCE_OFFICER = """
from mejabantu.accounts.models import User
from mejabantu.offices.models import Office
if not User.objects.filter(username="petugas-prov").exists():
    User.objects.create_user(
        "petugas-prov", password="mejabantu-demo", role="officer",
        office=Office.objects.get(code="19"), email="petugas-prov@babel.kpu.example",
        first_name="Petugas", last_name="Provinsi", is_demo_account=True,
    )
"""


def test_a_regency_escalates_to_the_province_which_answers(new_page, app_server):
    app_server.manage("shell", "-c", PROVINCE_OFFICER)

    operator = new_page("lo-partai-a")
    operator.goto("/tiket/tanya/")
    operator.get_by_label("Topik").select_option("persyaratan-calon")
    operator.get_by_label("Perihal").fill("Ambang batas calon gubernur")
    operator.get_by_label("Pertanyaan Anda").fill(
        "Berapa persen suara sah untuk mengusung calon gubernur Bangka Belitung?"
    )
    operator.get_by_role("button", name="Kirim pertanyaan").click()
    operator.wait_for_url(re.compile(r"/tiket/BLT-\d{4}-\d{6}/"))
    reference = operator.get_by_test_id("reference").inner_text()

    regency = new_page("petugas1")
    regency.goto(f"/tiket/{reference}/")
    hand_on = regency.get_by_test_id("hand-on")
    hand_on.get_by_label("Kantor tujuan").fill("19")
    hand_on.get_by_label("Alasan").fill(
        "Pertanyaan tentang pemilihan gubernur: kewenangan provinsi."
    )
    hand_on.get_by_role("button", name="Eskalasi / Teruskan").click()
    expect(regency.get_by_test_id("handled-by")).to_contain_text(
        "Ditangani oleh KPU Provinsi Kepulauan Bangka Belitung"
    )
    expect(regency.get_by_test_id("history")).to_contain_text(
        "eskalasi · KPU Kabupaten Belitung → KPU Provinsi Kepulauan Bangka Belitung"
    )
    expect(regency.get_by_test_id("update-form")).to_have_count(0)  # the province handles it

    province = new_page("petugas-prov")
    province.goto("/tiket/")
    row = province.get_by_test_id("ticket-table").get_by_role("row").filter(has_text=reference)
    expect(row).to_contain_text("dari KPU Kabupaten Belitung")
    row.get_by_role("link", name=reference).click()
    province.get_by_label("Pesan").fill(
        "Untuk calon gubernur: 10 % suara sah (DPT sampai 2 juta), Putusan MK 60/PUU-XXII/2024."
    )
    province.get_by_role("button", name="Kirim", exact=True).click()
    expect(province.get_by_test_id("thread")).to_contain_text("Putusan MK 60/PUU-XXII/2024")

    operator.reload()
    expect(operator.get_by_test_id("handled-by")).to_contain_text(
        "Ditangani oleh KPU Provinsi Kepulauan Bangka Belitung"
    )
    thread = operator.get_by_test_id("thread").inner_text()
    assert "Putusan MK 60/PUU-XXII/2024" in thread
    assert "kewenangan provinsi" not in operator.content()  # the reason stays internal

    regency.goto("/tiket/")
    row = regency.get_by_test_id("ticket-table").get_by_role("row").filter(has_text=reference)
    expect(row).to_contain_text("ditangani KPU Provinsi Kepulauan Bangka Belitung")
