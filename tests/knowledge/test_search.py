"""Search: the same order on SQLite and PostgreSQL, Indonesian queries, filters, logging."""

import pytest

from mejabantu.knowledge import ranking, search
from mejabantu.knowledge.models import SearchEntry, UnansweredSearch
from mejabantu.knowledge.selectors import search as kb_search

# The suite runs on both databases; this exact order must come out of each.
EXPECTED_ORDER = [
    (
        "paslon belitung",
        [
            "ambang-batas-setelah-mk-60",
            "jadwal-pendaftaran-paslon",
            "dukungan-perseorangan-sebaran",
            "pkpu-10-2024/15/1",
            "pkpu-10-2024/11/1",
        ],
    ),
]


@pytest.mark.parametrize(("query", "expected"), EXPECTED_ORDER)
def test_order_is_the_same_on_every_database(kb, query, expected):
    assert [r.key for r in kb_search(query, limit=5)] == expected


REFERENCE_QUERIES = [
    "paslon belitung",
    "syarat usia calon",
    "pasal 7 ayat 2",
    "skck",
    "dukungan dpt kecamatan",
]


def test_database_order_equals_the_python_reference_over_the_whole_index(kb):
    entries = list(SearchEntry.objects.all())
    candidates = [
        ranking.Candidate(
            f"{e.kind}:{e.key}", tuple(e.title_tokens.split()), tuple(e.body_tokens.split())
        )
        for e in entries
    ]
    for query in REFERENCE_QUERIES:
        tokens = search.query_tokens(query)
        reference = ranking.rank(candidates, tokens, ranking.stats_of(candidates), 10)
        found = search.search_index(query, limit=10)
        assert [f"{h.kind}:{h.key}" for h in found] == [s.key for s in reference], query
        assert [h.score for h in found] == pytest.approx([s.score for s in reference])


INFORMAL = [
    (
        "brp persen suara yg dibutuhin parpol buat usung paslon di belitung?",
        "ambang-batas-setelah-mk-60",
    ),
    ("umur minimal cabup dihitung kapan", "usia-minimal-calon-bupati"),
    ("mantan napi boleh nyalon gak?", "mantan-terpidana"),
    ("skck ngurusnya dmn min", "skck-dari-mana"),
    (
        "dukungan calon perseorangan hrs tersebar di brp kecamatan",
        "dukungan-perseorangan-sebaran",
    ),
    ("kapan jadwal pendaftran paslon", "jadwal-pendaftaran-paslon"),
    ("syarat 20% kursi dprd msh berlaku?", "ambang-batas-lama-kursi"),
]


def test_informal_questions_find_the_answer_first(kb, office):
    for query, expected in INFORMAL:
        results = kb_search(query, office=office, kinds=("answer",), limit=3)
        assert results[0].key == expected, query


def test_filters_narrow_by_category_regulation_and_stage(kb):
    assert {r.key for r in kb_search("calon", category="dokumen")} == {"skck-dari-mana"}
    by_regulation = {r.key for r in kb_search("calon", regulation="putusan-mk-70-2024")}
    assert by_regulation == {"usia-minimal-calon-bupati"}
    assert {r.key for r in kb_search("calon", kinds=("answer",), stage="penetapan")} == {
        "usia-minimal-calon-bupati"
    }


def test_answers_of_other_offices_are_not_found_from_an_office_not_below_them(kb, province):
    keys = {r.key for r in kb_search("persen suara belitung", office=province)}
    assert "ambang-batas-setelah-mk-60" not in keys


def test_search_without_result_is_logged_for_the_coordinator(kb, office):
    assert kb_search("xylofon zebra", office=office, log_source="web") == []
    logged = UnansweredSearch.objects.get()
    assert (logged.query, logged.office, logged.source) == ("xylofon zebra", office, "web")


def test_rebuild_command_reports_progress(kb):
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "14/14 item" in out.getvalue() and "14 diindeks" in out.getvalue()
    assert SearchEntry.objects.count() == 14


def test_letters_are_searchable_when_their_parent_holds_only_the_lead_in(kb):
    from mejabantu.knowledge import services
    from mejabantu.knowledge.models import Regulation

    uu = Regulation.objects.get(code="uu-10-2016")
    services.article_upsert(
        regulation=uu, pasal="7", ayat="2", text="Calon harus memenuhi persyaratan berikut:"
    )
    # the letters' own words are not in the lead-in, so they stay in the index
    assert kb_search("mantan terpidana jujur", kinds=("article",))[0].key == "uu-10-2016/7/2/g"
    # an imported pasal that contains its ayat makes the ayat redundant
    services.article_upsert(
        regulation=uu,
        pasal="41",
        text="(1) Satu. (2) " + uu.articles.get(key="uu-10-2016/41/2").text,
    )
    search.index_article(uu.articles.get(key="uu-10-2016/41/2"))
    keys = {r.key for r in kb_search("dukungan kecamatan", kinds=("article",))}
    assert "uu-10-2016/41" in keys and "uu-10-2016/41/2" not in keys


def _variants_follow_the_vocabulary():
    from mejabantu.knowledge.analyzer import MIN_FUZZY_LENGTH, deletes
    from mejabantu.knowledge.models import SearchTerm, SearchTermVariant

    words = set(SearchTerm.objects.values_list("word", flat=True))
    expected = {(v, w) for w in words if len(w) >= MIN_FUZZY_LENGTH for v in deletes(w)}
    assert set(SearchTermVariant.objects.values_list("variant", "word")) == expected
    return words


def test_misspelling_lookup_finds_every_known_word_one_edit_away(kb):
    from mejabantu.knowledge.analyzer import edits1

    vocabulary = _variants_follow_the_vocabulary()
    long_words = sorted(w for w in vocabulary if len(w) >= 6)[:40]
    misspelt = {"pendaftran", "kecamtan", "persyartan", "dukngan", "xylofon"}
    for w in long_words:  # one of each edit: delete, insert, replace, transpose
        misspelt |= {w[1:], w[:2] + "x" + w[2:], w[:-1] + "q", w[:2] + w[3] + w[2] + w[4:]}
    for word in sorted(misspelt):
        near = search.vocabulary_near({word})
        assert near <= vocabulary, word
        assert {v for v in vocabulary if v == word or v in edits1(word)} <= near, word
    assert search.vocabulary_near(misspelt) >= search.vocabulary_near({"pendaftran"})


def test_misspelling_variants_follow_publishing_bulk_indexing_and_rebuilds(kb, office):
    from mejabantu.knowledge import services
    from mejabantu.knowledge.models import Article, Regulation, SearchTermVariant

    answer = services.answer_create(
        question="Apa itu Sirekap?",
        body="Sirekap adalah aplikasi rekapitulasi hasil penghitungan suara.",
        category="lainnya",
        office=office,
    )
    services.answer_publish(answer=answer)
    assert kb_search("sirekp")[0].key == answer.slug  # one letter missing
    regulation = Regulation.objects.create(
        code="kpt-9-2099", kind="keputusan", number="9", year=2099, title="Uji"
    )
    article = Article.objects.create(
        key="kpt-9-2099/1", regulation=regulation, pasal="1", text="Formulir daring Tabulasi."
    )
    search.index_articles_bulk([article])
    assert kb_search("tabulsi", kinds=("article",))[0].key == "kpt-9-2099/1"
    _variants_follow_the_vocabulary()

    search.clear_index()
    assert not SearchTermVariant.objects.exists()
    services.index_rebuild()
    assert "tabulasi" in _variants_follow_the_vocabulary()
    assert kb_search("sirekp")[0].key == answer.slug
