"""Verdict reasons: codes with parameters, rendered in the reader's language."""

from django.utils import translation

from mejabantu.candidacy.reasons import render, shown_reason, shown_warnings, verdict_data
from mejabantu.candidacy.rules.base import Reason, Status, Verdict


def test_a_reason_reads_in_indonesian_by_default_and_in_english_when_asked():
    reason = Reason("supporters_short", {"count": 12_345})
    with translation.override("id"):
        assert render(reason) == "pendukung kurang 12.345"
    with translation.override("en"):
        assert render(reason) == "12,345 supporters short"


def test_a_stored_verdict_keeps_its_code_and_is_shown_from_it():
    verdict = Verdict(
        code="acting_head",
        status=Status.MET,
        reason=Reason("acting_head_met"),
        legal_basis="UU 10/2016 Pasal 7 ayat (2) huruf q",
        warnings=(Reason("seatless_votes_not_counted", {"parties": ["Partai Buruh"]}),),
    )
    with translation.override("id"):
        data = verdict_data(verdict)
    assert data["reason_code"] == "acting_head_met"
    assert data["reason"] == "Calon bukan penjabat kepala daerah."
    with translation.override("en"):
        assert shown_reason(data) == "The candidate is not an acting regional head."
        assert shown_warnings(data)[0].startswith("The votes of Partai Buruh")


def test_a_verdict_stored_before_reason_codes_shows_its_text():
    old = {"code": "age", "status": "met", "reason": "Teks lama.", "warnings": ["Awas."]}
    with translation.override("en"):
        assert shown_reason(old) == "Teks lama."
        assert shown_warnings(old) == ["Awas."]
