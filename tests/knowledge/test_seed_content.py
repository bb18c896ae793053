"""Integrity of the knowledge-base seed content (plain pytest, no Django, no database).

The seed files are data written in our own words from shared/domain/pilkada-2024-facts.md:
mejabantu/knowledge/data/regulations.json, mejabantu/knowledge/data/faq.json and
bench/knowledge_devset.json. These tests keep them loadable by the importer and the benchmark.
"""

import json
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "mejabantu" / "knowledge" / "data"

CATEGORIES = {
    "persyaratan-calon",
    "syarat-pencalonan",
    "perseorangan",
    "dokumen",
    "silon",
    "jadwal",
    "lainnya",
}
STAGES = {
    None,
    "pengumuman-pendaftaran",
    "pendaftaran",
    "pemeriksaan-kesehatan",
    "penelitian-persyaratan",
    "perbaikan",
    "penetapan",
    "pengundian-nomor-urut",
    "kampanye",
    "masa-tenang",
    "pemungutan-suara",
    "perpanjangan-pendaftaran",
    "dukungan-perseorangan",
}
PARAMETERS = {
    "threshold_percent",
    "threshold_seat_percent",
    "threshold_vote_percent",
    "seatless_parties_allowed",
    "min_age",
    "age_reference",
    "independent_percent",
    "independent_spread",
}
FAQ_FIELDS = {
    "slug",
    "category",
    "question",
    "answer",
    "citations",
    "stage",
    "parameters",
    "uncertain",
    "uncertain_note",
    "office",
}


def _load(path):
    return json.loads(path.read_text(encoding="utf-8"))


REGS = _load(DATA / "regulations.json")
FAQ = _load(DATA / "faq.json")
DEVSET = _load(ROOT / "bench" / "knowledge_devset.json")
REG_CODES = {r["code"] for r in REGS["regulations"]}
ARTICLE_KEYS = {a["key"] for a in REGS["articles"]}
SLUGS = {x["slug"] for x in FAQ}


def test_regulation_codes_and_article_keys_are_unique():
    assert len(REG_CODES) == len(REGS["regulations"])
    assert len(ARTICLE_KEYS) == len(REGS["articles"])


@pytest.mark.parametrize("regulation", REGS["regulations"], ids=lambda r: r["code"])
def test_each_regulation_has_a_known_kind_status_and_valid_amendment_links(regulation):
    assert regulation["kind"] in {
        "uu",
        "pkpu",
        "keputusan",
        "putusan_mk",
        "surat_edaran",
        "perpres",
        "keppres",
        "surat_kpu",
        "se_mendagri",
    }
    assert regulation["status"] in {"in_force", "amended", "revoked"}
    assert set(regulation["amended_by"]) <= REG_CODES
    assert regulation["title"].strip()
    if regulation["date"] is not None:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", regulation["date"])
    if regulation["uncertain"]:
        assert regulation["note"].strip(), "an uncertain regulation says why"


@pytest.mark.parametrize("article", REGS["articles"], ids=lambda a: a["key"])
def test_each_article_key_is_built_from_its_regulation_pasal_ayat_and_letter(article):
    parts = [article["regulation"], article["pasal"], article["ayat"], article["letter"]]
    assert article["key"] == "/".join(p for p in parts if p)
    assert article["regulation"] in REG_CODES
    assert article["status"] in {"in_force", "amended", "revoked", "reinterpreted"}
    assert article["text"].strip()


def test_all_nineteen_live_candidate_requirements_of_pasal_7_have_their_own_article():
    live = [
        a
        for a in REGS["articles"]
        if a["key"].startswith("uu-10-2016/7/2/") and a["status"] == "in_force"
    ]
    assert len(live) == 19


def test_there_are_at_least_85_answers_with_unique_slugs_covering_every_category():
    assert len(FAQ) >= 85
    assert len(SLUGS) == len(FAQ)
    assert set(Counter(x["category"] for x in FAQ)) == CATEGORIES


@pytest.mark.parametrize("answer", FAQ, ids=lambda x: x["slug"])
def test_each_answer_is_well_formed_and_cites_only_known_articles(answer):
    assert FAQ_FIELDS <= set(answer) <= FAQ_FIELDS | {"context_citations"}
    assert set(answer.get("context_citations", [])) <= set(answer["citations"])
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", answer["slug"])
    assert answer["category"] in CATEGORIES
    assert answer["stage"] in STAGES
    assert set(answer["parameters"]) <= PARAMETERS
    assert answer["office"] in {"ri", "19.02"}
    assert answer["citations"], "every answer cites its legal basis"
    assert set(answer["citations"]) <= REG_CODES | ARTICLE_KEYS
    assert bool(answer["uncertain"]) == bool(answer["uncertain_note"].strip())


def test_the_development_set_has_at_least_65_questions_answered_by_existing_slugs():
    assert len(DEVSET) >= 65
    questions = {x["question"].lower() for x in FAQ}
    for item in DEVSET:
        assert set(item) == {"q", "answers"}
        assert 1 <= len(item["answers"]) <= 3
        assert set(item["answers"]) <= SLUGS, item["q"]
        assert item["q"].lower() not in questions, "devset questions are not copied from the FAQ"
