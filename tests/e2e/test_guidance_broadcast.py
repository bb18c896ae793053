"""One juknis answer for all, in Chromium: KPU RI publishes, the worker sends, the requester
reads it on the ticket that waited for it."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

TITLE = "Menunggu juknis: penghitungan usia calon setelah putusan MK 70"
SUBJECT = "Usia bakal calon wakil bupati setelah putusan MK 70"
ANSWER = "Usia calon dihitung pada tanggal penetapan pasangan calon, 22 September 2024."


def test_ri_publishes_the_answer_and_the_waiting_requester_reads_it(new_page, app_server):
    operator = new_page("lo-partai-a", width=390)
    operator.goto("/tiket/saya/")
    operator.get_by_role("row", name=re.compile(SUBJECT)).get_by_role("link").click()
    ticket_url = operator.url
    expect(operator.get_by_test_id("pending-guidance")).to_contain_text("Menunggu petunjuk teknis")
    expect(operator.get_by_test_id("pending-guidance")).to_contain_text("berhenti dihitung")

    ri = new_page("petugas-ri")
    ri.goto("/pengetahuan/menunggu-juknis/")
    ri.get_by_role("link", name=TITLE).click()
    expect(ri.get_by_test_id("guidance-progress")).to_contain_text("tiket menunggu juknis ini")
    ri.get_by_role("textbox", name="Jawaban").fill(ANSWER)
    ri.get_by_role("textbox", name=re.compile("Kutipan dasar hukum|Rujukan")).fill(
        "putusan-mk-70-2024"
    )
    ri.get_by_role("button", name="Terbitkan dan kirim ke semua tiket yang tertaut").click()
    expect(ri.get_by_test_id("guidance-progress")).to_contain_text(re.compile(r"dari \d+ tiket"))
    app_server.manage("worker", "--once")  # the worker sends it
    # the progress refreshes by itself (htmx) until every ticket is answered
    expect(ri.get_by_test_id("guidance-progress")).to_contain_text(
        re.compile(r"(\d+) dari \1 tiket dijawab"), timeout=15_000
    )
    expect(ri.get_by_test_id("guidance-answer")).to_contain_text("Putusan MK 70")

    operator.goto(ticket_url)
    thread = operator.get_by_test_id("thread")
    expect(thread).to_contain_text(ANSWER)
    expect(thread).to_contain_text("Dasar hukum")
    expect(operator.get_by_test_id("pending-guidance")).to_have_count(0)
