"""What a reader sees of the shipped knowledge base (the real seed, not the test fixtures):
instruments named by their own kind, the review banner only where an answer relies on
superseded text, and the facts of issue 16's legal review."""

import pytest

from mejabantu.knowledge import demo as knowledge_demo
from mejabantu.knowledge import selectors


@pytest.fixture
def seed(demo):
    """The shipped regulations and answers, loaded (published and indexed) by the seed loader."""
    knowledge_demo.load_regulations(knowledge_demo.DATA / "regulations.json")
    knowledge_demo.load_answers(knowledge_demo.DATA / "faq.json")


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def answer_page(client, slug: str) -> str:
    return page(client, f"/pengetahuan/jawaban/{slug}/")


def citations_of(html: str) -> str:
    start = html.index('data-testid="citations"')
    return html[start : html.index("</ul>", start)]


REGULATION_TITLES = {
    "keppres-33-2024": "Keppres 33/2024",
    "perpres-21-2023": "Perpres 21/2023",
    "putusan-mk-60-2024": "Putusan MK 60/PUU-XXII/2024",
    "surat-kpu-707-2024": "Surat KPU 707/PL.02.2-SD/05/2024",
    "surat-kpu-2038-2024": "Surat KPU 2038/PL.02.2-SD/06/2024",
    "se-mendagri-cuti": "Surat Edaran Mendagri 100.2.1.3/4204/SJ",
}


def test_a_regulation_page_names_the_instrument_by_its_kind(client, seed):
    for code, title in REGULATION_TITLES.items():
        assert f"<h1>{title}</h1>" in page(client, f"/pengetahuan/peraturan/{code}/"), code


def test_answer_citations_name_presidential_instruments_court_decisions_and_kpu_letters(
    client, seed
):
    holiday = citations_of(answer_page(client, "hari-pemungutan-suara-27-november-libur"))
    assert "Keppres 33/2024" in holiday
    assert "Keputusan KPU" not in holiday
    hours = citations_of(answer_page(client, "jam-layanan-meja-bantuan"))
    assert "Perpres 21/2023" in hours
    assert "Keputusan KPU" not in hours
    threshold = citations_of(answer_page(client, "ambang-batas-partai-setelah-putusan-mk-60"))
    assert "Putusan MK 60/PUU-XXII/2024<" in threshold
    assert "2024/2024" not in threshold
    silon = citations_of(answer_page(client, "unggah-dukungan-perseorangan-ke-silon"))
    assert "Surat KPU 707/PL.02.2-SD/05/2024<" in silon
    assert "Surat Edaran" not in silon


def test_search_results_carry_the_same_labels(seed):
    results = selectors.search("ambang batas partai setelah putusan mk 60", limit=5)
    labels = [c["label"] for r in results for c in r.citations]
    assert "Putusan MK 60/PUU-XXII/2024" in labels
    assert not [label for label in labels if "2024/2024" in label]


# The answers a legal review found carrying the "perlu ditinjau" banner although they are
# right: they cite old text to explain what the rule was, or cite an amended regulation that
# stays in force as amended, or Pasal 40 ayat (1) as the Court now reads it.
CORRECT_ANSWERS_ONCE_FLAGGED = [
    "penyandang-disabilitas-boleh-mencalonkan",
    "mantan-terpidana-bandar-narkoba-kekerasan-seksual-anak",
    "huruf-d-dan-r-dihapus",
    "asn-lapor-pejabat-pembina-kepegawaian",
    "anggota-kpu-bawaslu-maju-pilkada",
    "ambang-batas-partai-setelah-putusan-mk-60",
    "ambang-batas-sebelum-putusan-mk-60",
    "partai-tanpa-kursi-boleh-mengusung",
    "pkpu-10-2024-apa-yang-berubah",
    "nama-formulir-model-b-kwk",
    "belitung-kursi-dprd-aturan-lama",
    "pkpu-8-2024-aturan-pokok-pencalonan",
]


def test_correct_answers_citing_history_carry_no_review_banner(client, seed):
    for slug in CORRECT_ANSWERS_ONCE_FLAGGED:
        assert 'data-testid="review-flag"' not in answer_page(client, slug), slug
    history = answer_page(client, "ambang-batas-sebelum-putusan-mk-60")
    assert history.count('data-testid="context-citation"') == 3
    assert "dikutip sebagai riwayat" in history
    results = selectors.search("ambang batas partai setelah putusan mk 60", limit=3)
    assert results and not any(r.needs_review for r in results if r.kind == "answer")
    assert not list(selectors.answers_needing_review())


def test_pasal_40_ayat_1_reads_as_conditionally_unconstitutional_not_amended(client, seed):
    html = page(client, "/pengetahuan/pasal/uu-10-2016/40/1/")
    start = html.index('data-testid="article-status"')
    status = html[start : html.index("</span>", start)]
    assert "inkonstitusional bersyarat" in status
    assert "diubah" not in status
    assert "tidak diubah" in html


def test_the_depok_example_gives_the_calculators_number(client, seed):
    from mejabantu.candidacy.calculators import independent_support

    need = independent_support(level="kota", dpt=1_393_282, sub_regions=11)["min_supporters"]
    assert need == 90_564
    html = answer_page(client, "pembulatan-jumlah-dukungan-perseorangan")
    assert "90.564" in html
    assert "90.563 pendukung" not in html


def test_answers_cite_the_right_instrument_for_the_fact(client, seed):
    schedule = answer_page(client, "jadwal-tahapan-pencalonan-2024")
    assert "Pasal 135 PKPU 10/2024" in citations_of(schedule)
    assert "memperpanjang pendaftaran 2–4 September (PKPU 10/2024 Pasal 135)" in schedule
    ministers = citations_of(answer_page(client, "menteri-maju-pilkada"))
    assert "Mendagri" not in ministers  # the circular is about regional heads
    term = citations_of(answer_page(client, "batas-dua-periode-masa-jabatan"))
    assert "Putusan MK 129/PUU-XXII/2024" in term
    withdrawal = citations_of(answer_page(client, "partai-menarik-dukungan-setelah-mendaftar"))
    assert "Pasal 43 UU 1/2015" in withdrawal
