"""The cached queues in Chromium, with two server processes: never stale, Take works."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_the_queue_shows_a_new_question_and_a_take_whichever_process_answers(new_page):
    officer = new_page("petugas1")
    for _ in range(4):  # both gunicorn workers now hold this queue in their cache
        officer.goto("/tiket/?queue=unassigned")

    operator = new_page("lo-partai-b")
    operator.goto("/tiket/tanya/")
    operator.get_by_label("Topik").select_option("jadwal")
    operator.get_by_label("Perihal").fill("Jam layanan hari terakhir pendaftaran")
    operator.get_by_label("Pertanyaan Anda").fill("Sampai jam berapa meja bantuan buka?")
    operator.get_by_role("button", name="Kirim pertanyaan").click()
    operator.wait_for_url(re.compile(r"/tiket/BLT-\d{4}-\d{6}/"))
    reference = operator.get_by_test_id("reference").inner_text()

    table = officer.get_by_test_id("ticket-table")
    for _ in range(4):
        officer.goto("/tiket/?queue=unassigned")
        expect(table).to_contain_text(reference)

    # one CSRF-protected form serves every row's Take button (the page itself is cached)
    officer.get_by_role("row").filter(has_text=reference).get_by_role(
        "button", name="Ambil"
    ).click()
    expect(officer.get_by_role("status").first).to_contain_text(reference)
    assert "queue=unassigned" in officer.url

    colleague = new_page("petugas2")
    for _ in range(4):
        colleague.goto("/tiket/?queue=unassigned")
        expect(colleague.get_by_test_id("ticket-table")).not_to_contain_text(reference)
    colleague.goto("/tiket/?queue=all")
    row = colleague.get_by_role("row").filter(has_text=reference)
    expect(row).to_contain_text("Siti Aminah")  # petugas1, now its assignee
    expect(row.get_by_role("button", name="Ambil")).to_have_count(0)
