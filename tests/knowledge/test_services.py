"""Answers: drafts, publishing, versions with reasons, review flags, offices, parameters."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from mejabantu.knowledge import selectors, services
from mejabantu.knowledge.models import Answer, Article, Regulation


def test_editing_a_published_answer_keeps_the_old_version_with_the_reason(kb, users):
    answer = Answer.objects.get(slug="ambang-batas-setelah-mk-60")
    old_body = answer.body
    services.answer_update(
        answer=answer,
        user=users["koordinator"],
        reason="DPT Belitung dikoreksi.",
        body="Jawaban baru tentang ambang batas 10 persen suara sah.",
    )
    versions = list(answer.versions.order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert versions[0].body == old_body
    assert versions[1].reason == "DPT Belitung dikoreksi."
    assert versions[1].citations == ["pkpu-10-2024/11/1", "putusan-mk-60-2024"]


def test_a_published_answer_cannot_change_without_a_reason(kb, users):
    answer = Answer.objects.get(slug="ambang-batas-setelah-mk-60")
    with pytest.raises(ValidationError) as exc:
        services.answer_update(answer=answer, user=users["koordinator"], reason=" ", body="x y")
    assert "reason" in exc.value.message_dict


def test_officers_write_drafts_and_only_coordinators_publish(kb, users, office):
    draft = services.answer_create(
        question="Apakah LHKPN wajib dilampirkan?",
        body="Ya, tanda terima LHKPN dilampirkan saat pendaftaran.",
        category="dokumen",
        office=office,
        citations=["pkpu-8-2024/14/2/f"],
        user=users["petugas1"],
    )
    assert draft.state == Answer.State.DRAFT
    assert selectors.search("lhkpn") == []  # drafts are not searchable
    with pytest.raises(PermissionDenied):
        services.answer_publish(answer=draft, user=users["petugas1"])
    services.answer_publish(answer=draft, user=users["koordinator"])
    assert selectors.search("lhkpn")[0].key == draft.slug


def test_staff_of_another_office_cannot_edit_an_answer(kb, users):
    ri_answer = Answer.objects.get(slug="usia-minimal-calon-bupati")  # published by KPU RI
    with pytest.raises(PermissionDenied):
        services.answer_update(answer=ri_answer, user=users["koordinator"], reason="r", body="b")


def test_unknown_citation_is_refused_with_a_helpful_message(kb, office):
    with pytest.raises(ValidationError) as exc:
        services.answer_create(
            question="q?", body="b", category="lainnya", office=office, citations=["uu-1-1900/1"]
        )
    assert "uu-1-1900/1" in str(exc.value)


def test_answer_citing_an_amended_article_or_regulation_is_flagged_for_review(kb):
    flagged = {a.slug for a in selectors.answers_needing_review()}
    # cites Pasal 40(1) UU 10/2016 (amended); "jadwal-pendaftaran-paslon" cites the whole
    # PKPU 8/2024, which stays in force as amended by PKPU 10/2024: not flagged
    assert flagged == {"ambang-batas-lama-kursi"}
    services.article_set_status(
        article=Article.objects.get(key="uu-10-2016/7/2/g"), status="revoked"
    )
    assert "mantan-terpidana" in {a.slug for a in selectors.answers_needing_review()}
    services.regulation_set_status(
        regulation=Regulation.objects.get(code="putusan-mk-70-2024"), status="revoked"
    )
    assert "usia-minimal-calon-bupati" in {a.slug for a in selectors.answers_needing_review()}


def test_answers_of_higher_offices_appear_in_every_office_below(kb, office, province):
    at_belitung = {a.slug for a in selectors.answers_published(office=office)}
    at_province = {a.slug for a in selectors.answers_published(office=province)}
    assert "jadwal-pendaftaran-paslon" in at_belitung  # published by the province
    assert "usia-minimal-calon-bupati" in at_belitung  # published by KPU RI
    assert "ambang-batas-setelah-mk-60" in at_belitung
    assert "ambang-batas-setelah-mk-60" not in at_province  # Belitung's own answer


def test_answers_citing_parameters_finds_published_answers_that_depend_on_them(kb):
    found = {a.slug for a in selectors.answers_citing_parameters({"min_age", "independent_spread"})}
    assert found == {"usia-minimal-calon-bupati", "dukungan-perseorangan-sebaran"}
    assert list(selectors.answers_citing_parameters({"nothing"})) == []


def test_unknown_parameter_is_refused(kb, office):
    with pytest.raises(ValidationError):
        services.answer_create(
            question="q?", body="b", category="lainnya", office=office, parameters=["bogus"]
        )


def test_superseded_answer_leaves_the_search(kb):
    old = Answer.objects.get(slug="ambang-batas-lama-kursi")
    new = Answer.objects.get(slug="ambang-batas-setelah-mk-60")
    services.answer_supersede(answer=old, by=new)
    assert "ambang-batas-lama-kursi" not in {r.key for r in selectors.search("20 persen kursi")}


def test_helpful_votes_are_counted(kb, office):
    answer = Answer.objects.get(slug="skck-dari-mana")
    assert services.answer_mark_helpful(answer=answer, office=office, query="skck") == 1
    assert services.answer_mark_helpful(answer=answer) == 2


def test_seed_loader_is_idempotent_and_versions_changed_answers(kb, tmp_path):
    import json

    from mejabantu.knowledge import demo as knowledge_demo
    from tests.knowledge.conftest import FIXTURES

    counts = (Answer.objects.count(), Article.objects.count(), Regulation.objects.count())
    knowledge_demo.load_regulations(FIXTURES / "regulations.json")
    knowledge_demo.load_answers(FIXTURES / "faq.json")
    assert (Answer.objects.count(), Article.objects.count(), Regulation.objects.count()) == counts
    assert Answer.objects.get(slug="skck-dari-mana").version == 1
    data = json.loads((FIXTURES / "faq.json").read_text())
    data[3]["answer"] += " Bawa KTP asli."
    path = tmp_path / "faq.json"
    path.write_text(json.dumps(data))
    knowledge_demo.load_answers(path)
    assert Answer.objects.get(slug="skck-dari-mana").version == 2


def test_demo_loader_reads_the_data_folder_when_present(demo, tmp_path, monkeypatch):
    import shutil

    from mejabantu.knowledge import demo as knowledge_demo
    from tests.knowledge.conftest import FIXTURES

    monkeypatch.setattr(knowledge_demo, "DATA", tmp_path)
    knowledge_demo.load()  # no files: nothing happens
    assert Answer.objects.count() == 0
    shutil.copy(FIXTURES / "regulations.json", tmp_path / "regulations.json")
    shutil.copy(FIXTURES / "faq.json", tmp_path / "faq.json")
    knowledge_demo.load()
    knowledge_demo.load()
    assert Answer.objects.filter(state="published").count() == 7
    assert selectors.search("umur cabup")[0].key == "usia-minimal-calon-bupati"


def test_seed_with_an_unknown_citation_still_loads_and_skips_it(demo, tmp_path):
    import json

    from mejabantu.knowledge import demo as knowledge_demo
    from tests.knowledge.conftest import FIXTURES

    knowledge_demo.load_regulations(FIXTURES / "regulations.json")
    data = json.loads((FIXTURES / "faq.json").read_text())
    data[0]["citations"].append("pkpu-99-1999/1")
    data[0]["parameters"].append("no_such_parameter")
    path = tmp_path / "faq.json"
    path.write_text(json.dumps(data))
    knowledge_demo.load_answers(path)
    answer = Answer.objects.get(slug=data[0]["slug"])
    assert [c.key for c in answer.citations.all()] == ["pkpu-10-2024/11/1", "putusan-mk-60-2024"]
    assert "no_such_parameter" not in answer.parameters


def test_a_citation_marked_as_history_does_not_flag_its_answer_and_an_edit_keeps_the_mark(kb):
    answer = Answer.objects.get(slug="ambang-batas-lama-kursi")
    services.answer_update(
        answer=answer,
        reason="Pasal lama dikutip sebagai riwayat.",
        context_citations=["uu-10-2016/40/1"],
    )
    assert "ambang-batas-lama-kursi" not in {a.slug for a in selectors.answers_needing_review()}
    services.answer_update(
        answer=answer,
        reason="Isi diperjelas.",
        body=answer.body + " Lihat juga PKPU 10/2024.",
        citations=["uu-10-2016/40/1", "putusan-mk-60-2024"],
    )
    assert [c.context for c in answer.citations.all()] == [True, False]
    services.regulation_set_status(
        regulation=Regulation.objects.get(code="putusan-mk-60-2024"), status="revoked"
    )
    assert "ambang-batas-lama-kursi" in {a.slug for a in selectors.answers_needing_review()}
