"""The helpdesk end to end in Chromium: ask with a PDF, answer, note, and scoping."""

import re

import pytest
from playwright.sync_api import expect

from tests.helpdesk.conftest import PDF

pytestmark = pytest.mark.e2e


def test_operator_asks_officer_answers_and_the_other_party_sees_nothing(new_page, tmp_path):
    pdf = tmp_path / "sk-dpp.pdf"
    pdf.write_bytes(PDF)

    operator = new_page("lo-partai-a", width=390)  # a phone
    operator.goto("/tiket/tanya/")
    operator.get_by_label("Topik").select_option("dokumen")
    operator.get_by_label("Perihal").fill("SK DPP untuk pasangan calon")
    operator.get_by_label("Pertanyaan Anda").fill("Apakah SK DPP terlampir sudah cukup?")
    operator.get_by_label("Pertanyaan Anda").press_sequentially(" brp persen suara parpol")
    # answers from the knowledge base appear while the question is typed, above the button
    # that sends it (the asker reads them before sending)
    expect(operator.get_by_test_id("kb-suggestion").first).to_be_visible()
    send = operator.get_by_role("button", name="Kirim pertanyaan")
    suggestion_top = operator.get_by_test_id("kb-suggestion").first.bounding_box()["y"]
    assert suggestion_top < send.bounding_box()["y"]
    operator.get_by_label("Lampiran").set_input_files(str(pdf))
    operator.get_by_role("button", name="Kirim pertanyaan").click()
    operator.wait_for_url(re.compile(r"/tiket/BLT-\d{4}-\d{6}/"))
    reference = operator.get_by_test_id("reference").inner_text()
    ticket_url = operator.url
    attachment_url = operator.get_by_role("link", name="sk-dpp.pdf").get_attribute("href")

    officer = new_page("petugas1")
    officer.goto("/tiket/?queue=unassigned")
    officer.get_by_role("link", name=reference).click()
    # the knowledge panel beside the editor inserts an answer with its legal basis
    panel = officer.get_by_test_id("kb-panel")
    panel.get_by_role("button", name="Sisipkan").first.click()
    expect(officer.get_by_label("Pesan")).to_have_value(re.compile("Dasar hukum"))
    officer.get_by_label("Pesan").fill("")
    officer.get_by_label("Pesan").fill("Dicek: SK ditandatangani ketua dan sekjen.")
    officer.get_by_label("Catatan internal (hanya petugas)").check()
    officer.get_by_role("button", name="Kirim", exact=True).click()
    officer.get_by_label("Pesan").fill("SK DPP sudah cukup; bawa aslinya saat pendaftaran.")
    officer.get_by_role("button", name="Kirim", exact=True).click()
    assert officer.get_by_test_id("internal-note").count() == 1
    assert "diproses" in officer.get_by_test_id("history").inner_text()

    operator.reload()
    thread = operator.get_by_test_id("thread").inner_text()
    assert "bawa aslinya saat pendaftaran" in thread
    assert "SK ditandatangani ketua" not in thread
    with operator.expect_download() as download:
        operator.get_by_role("link", name="sk-dpp.pdf").click()
    assert download.value.suggested_filename == "sk-dpp.pdf"

    other = new_page("lo-partai-b")
    assert other.goto(ticket_url).status == 404
    assert other.goto(attachment_url).status == 404
    other.goto("/tiket/saya/")
    assert reference not in other.content()
