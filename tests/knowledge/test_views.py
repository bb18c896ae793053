"""Knowledge pages and the two htmx fragments the helpdesk includes."""

from mejabantu.knowledge.models import Answer, AnswerFeedback, PendingGuidance


def test_public_knowledge_base_searches_and_shows_badges(client, kb):
    page = client.get("/pengetahuan/", {"q": "skck ngurus dmn"}).content.decode()
    assert "SKCK untuk bakal calon diurus di mana?" in page
    assert 'class="badge uncertain"' in page


def test_search_as_htmx_returns_only_the_results_fragment(client, kb):
    response = client.get("/pengetahuan/", {"q": "umur cabup"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "usia minimal calon bupati" in html.lower()
    assert "<html" not in html


def test_browsing_filters_by_category(client, kb):
    page = client.get("/pengetahuan/", {"category": "perseorangan"}).content.decode()
    assert "tersebar di berapa kecamatan" in page
    assert "SKCK untuk bakal calon" not in page


def test_answer_page_links_citations_shows_history_and_review_flag(client, kb, users):
    answer = Answer.objects.get(slug="ambang-batas-lama-kursi")
    page = client.get(answer.get_absolute_url()).content.decode()
    assert 'href="/pengetahuan/pasal/uu-10-2016/40/1/"' in page
    assert 'data-testid="review-flag"' in page
    assert 'data-testid="history"' in page
    assert client.get("/pengetahuan/pasal/uu-10-2016/40/1/").status_code == 200
    assert client.get("/pengetahuan/peraturan/uu-10-2016/").status_code == 200


def test_coordinator_edits_a_published_answer_with_a_reason_and_readers_see_it(client, kb, users):
    client.force_login(users["koordinator"])
    url = "/pengetahuan/jawaban/ambang-batas-setelah-mk-60/ubah/"
    form = {
        "question": "Berapa persen suara sah untuk mengusung paslon di Belitung?",
        "body": "Paling sedikit 10 persen suara sah pemilu DPRD terakhir.",
        "category": "syarat-pencalonan",
        "stage": "pendaftaran",
        "citations_text": "pkpu-10-2024/11/1\nputusan-mk-60-2024",
        "parameters": ["threshold_percent"],
    }
    missing_reason = client.post(url, form)
    assert missing_reason.status_code == 200  # the form again, with what was typed
    assert "Paling sedikit 10 persen" in missing_reason.content.decode()
    response = client.post(url, {**form, "reason": "Rumusan diringkas."})
    assert response.status_code == 302
    client.logout()
    page = client.get("/pengetahuan/jawaban/ambang-batas-setelah-mk-60/").content.decode()
    assert "Rumusan diringkas." in page
    old = client.get("/pengetahuan/jawaban/ambang-batas-setelah-mk-60/versi/1/").content.decode()
    assert "Belitung mempunyai DPT di bawah 250.000" in old


def test_officer_creates_a_draft_that_the_public_cannot_see(client, kb, users):
    client.force_login(users["petugas1"])
    response = client.post(
        "/pengetahuan/jawaban/baru/",
        {
            "question": "Apakah fotokopi ijazah harus dilegalisasi?",
            "body": "Ya, dilegalisasi oleh instansi yang berwenang.",
            "category": "dokumen",
            "citations_text": "pkpu-8-2024",
        },
    )
    assert response.status_code == 302
    draft = Answer.objects.get(question__startswith="Apakah fotokopi ijazah")
    assert draft.state == "draft"
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_bad_citation_keeps_the_form_and_explains(client, kb, users):
    client.force_login(users["petugas1"])
    response = client.post(
        "/pengetahuan/jawaban/baru/",
        {
            "question": "Soal?",
            "body": "Jawab.",
            "category": "dokumen",
            "citations_text": "pkpu-1-1999/9",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "pkpu-1-1999/9" in html and "Soal?" in html


def test_suggestions_fragment_and_helpful_button_are_counted(client, kb):
    html = client.get("/pengetahuan/saran/", {"q": "brp umur minimal cabup", "office": "19.02"})
    html = html.content.decode()
    assert 'data-testid="kb-suggestion"' in html
    assert "/pengetahuan/jawaban/usia-minimal-calon-bupati/membantu/" in html
    response = client.post(
        "/pengetahuan/jawaban/usia-minimal-calon-bupati/membantu/",
        {"q": "brp umur minimal cabup", "office": "19.02"},
        headers={"HX-Request": "true"},
    )
    assert 'data-testid="kb-thanks"' in response.content.decode()
    feedback = AnswerFeedback.objects.get()
    assert feedback.office.code == "19.02"
    assert client.post("/pengetahuan/jawaban/skck-dari-mana/membantu/").status_code == 302


def test_officer_panel_offers_answers_with_their_citation_to_insert(client, kb, users):
    assert client.get("/pengetahuan/panel-petugas/", {"q": "skck"}).status_code == 404
    client.force_login(users["lo-partai-a"])
    assert client.get("/pengetahuan/panel-petugas/", {"q": "skck"}).status_code == 404
    client.force_login(users["petugas1"])
    html = client.get("/pengetahuan/panel-petugas/", {"q": "skck"}).content.decode()
    assert 'data-testid="kb-panel-answer"' in html
    assert "Dasar hukum: Pasal 14 ayat (2) huruf f PKPU 8/2024" in html
    assert "data-insert=" in html


def test_coordinator_sees_searches_that_found_nothing(client, kb, users):
    client.get("/pengetahuan/", {"q": "sewa tenda kampanye", "kantor": "19.02"})
    client.force_login(users["koordinator"])
    html = client.get("/pengetahuan/kelola/pencarian-kosong/").content.decode()
    assert "sewa tenda kampanye" in html
    client.force_login(users["lo-partai-a"])
    assert client.get("/pengetahuan/kelola/pencarian-kosong/").status_code == 404


def test_regency_coordinator_cannot_open_a_guidance_item(client, kb, users):
    client.force_login(users["koordinator"])
    response = client.post("/pengetahuan/menunggu-juknis/", {"title": "Menunggu juknis usia calon"})
    assert response.status_code == 403
    assert "Hanya petugas KPU RI" in response.content.decode()
    assert not PendingGuidance.objects.exists()


def test_province_staff_record_and_resolve_a_guidance_item(client, kb, users):
    from mejabantu.accounts.models import User
    from mejabantu.offices.models import Office

    staff = User.objects.create_user(
        "prov-x", password="x-Prov-2024!", role="coordinator", office=Office.objects.get(code="19")
    )
    client.force_login(staff)
    response = client.post("/pengetahuan/menunggu-juknis/", {"title": "Menunggu juknis usia calon"})
    assert response.status_code == 302
    item = PendingGuidance.objects.get()
    assert item.office.code == "19"
    client.post(
        "/pengetahuan/menunggu-juknis/",
        {"resolve": item.pk, "answer": "usia-minimal-calon-bupati"},
    )
    item.refresh_from_db()
    assert item.state == "resolved" and item.resolved_by.slug == "usia-minimal-calon-bupati"
    client.logout()
    assert client.post("/pengetahuan/menunggu-juknis/", {"title": "x"}).status_code == 404
