"""Candidate eligibility: age at the reference date, education, terms, documents."""

import datetime as dt
import json

import pytest

from mejabantu.candidacy.reasons import render
from mejabantu.candidacy.rules.base import Status, overall
from mejabantu.candidacy.rules.eligibility import Candidate, ServicePeriod, age_on, check_candidate
from mejabantu.candidacy.rules.params import RuleSetData, shipped_rule_sets


def _by_code(verdicts):
    return {v.code: v for v in verdicts}


def _with_reference(date: str) -> RuleSetData:
    raw = json.loads(json.dumps(shipped_rule_sets()["pkpu10-2024"]))
    raw["parameters"]["age_reference"]["date"] = date
    return RuleSetData.from_dict(raw)


@pytest.mark.parametrize(
    ("born", "on", "age"),
    [
        ("1999-09-22", "2024-09-22", 25),  # birthday on the reference date counts
        ("1999-09-23", "2024-09-22", 24),
        ("2000-02-29", "2025-02-28", 24),  # leap-day birth: not yet in a common year
        ("2000-02-29", "2025-03-01", 25),
        ("2000-02-29", "2024-02-29", 24),
        ("1994-12-25", "2024-09-22", 29),
    ],
)
def test_age_in_whole_years(born, on, age):
    assert age_on(dt.date.fromisoformat(born), dt.date.fromisoformat(on)) == age


@pytest.mark.parametrize(
    ("position", "born", "status"),
    [
        ("bupati", "1999-09-22", Status.MET),
        ("wakil_walikota", "1999-09-23", Status.NOT_MET),
        ("gubernur", "1994-09-22", Status.MET),
        ("wakil_gubernur", "1994-12-25", Status.NOT_MET),  # turns 30 after penetapan
    ],
)
def test_age_is_counted_at_determination_22_september_2024(new_rules, position, born, status):
    verdict = _by_code(
        check_candidate(new_rules, Candidate(position, dt.date.fromisoformat(born)))
    )["age"]
    assert verdict.status == status
    assert "22 September 2024" in render(verdict.reason)
    assert "PKPU 10/2024 Pasal 15" in verdict.legal_basis


def test_leap_day_birth_turns_25_on_first_of_march():
    born = dt.date(2000, 2, 29)
    before = _by_code(check_candidate(_with_reference("2025-02-28"), Candidate("bupati", born)))
    after = _by_code(check_candidate(_with_reference("2025-03-01"), Candidate("bupati", born)))
    assert before["age"].status == Status.NOT_MET
    assert after["age"].status == Status.MET


def test_first_text_counted_age_at_inauguration_and_says_it_is_unconfirmed(old_rules):
    born = dt.date(1999, 12, 1)
    verdict = _by_code(check_candidate(old_rules, Candidate("wakil_bupati", born)))["age"]
    assert verdict.status == Status.MET
    assert verdict.uncertain
    assert "pelantikan" in render(verdict.reason)


@pytest.mark.parametrize(
    ("education", "status"),
    [
        ("smp", Status.NOT_MET),
        ("slta", Status.MET),
        ("s1", Status.MET),
        (None, Status.NEEDS_DOCUMENT),
    ],
)
def test_education_at_least_senior_high(new_rules, education, status):
    verdict = _by_code(check_candidate(new_rules, Candidate("bupati", education=education)))
    assert verdict["education"].status == status


@pytest.mark.parametrize(
    ("terms", "periods", "status"),
    [
        (0, (), Status.MET),
        (1, (), Status.MET),
        (2, (), Status.NOT_MET),
        # acting service of 2.5 years or more counts as a term
        (
            1,
            (ServicePeriod(dt.date(2019, 1, 1), dt.date(2021, 7, 1), acting=True),),
            Status.NOT_MET,
        ),
        (1, (ServicePeriod(dt.date(2019, 1, 1), dt.date(2021, 6, 30), acting=True),), Status.MET),
        (None, None, Status.NEEDS_DOCUMENT),
    ],
)
def test_two_terms_in_the_same_office(new_rules, terms, periods, status):
    candidate = Candidate("bupati", terms_served=terms, service_periods=periods or ())
    assert _by_code(check_candidate(new_rules, candidate))["term_limit"].status == status


def test_acting_head_may_not_run(new_rules):
    verdicts = check_candidate(new_rules, Candidate("bupati", is_acting_head=True))
    assert _by_code(verdicts)["acting_head"].status == Status.NOT_MET
    assert overall(verdicts) is False


def test_other_requirements_name_the_document_and_its_issuer(new_rules):
    verdicts = _by_code(check_candidate(new_rules, Candidate("bupati")))
    assert verdicts["good_conduct"].status == Status.NEEDS_DOCUMENT
    assert "SKCK" in verdicts["good_conduct"].document
    assert "Polri" in verdicts["good_conduct"].issuer
    assert "KPK" in verdicts["wealth_report"].issuer
    assert "former_head_same_region" not in verdicts  # only for deputies
    deputy = _by_code(check_candidate(new_rules, Candidate("wakil_bupati")))
    assert "former_head_same_region" in deputy


def test_eligible_is_open_while_documents_are_needed(new_rules):
    candidate = Candidate("bupati", dt.date(1980, 1, 1), "s1", 0, is_acting_head=False)
    verdicts = check_candidate(new_rules, candidate)
    assert overall(verdicts) is None
    assert overall([v for v in verdicts if v.status == Status.MET]) is True


def test_the_age_reason_dates_read_in_the_long_form_in_both_languages(new_rules):
    from django.utils import translation

    verdict = _by_code(check_candidate(new_rules, Candidate("bupati", dt.date(1990, 1, 1))))["age"]
    with translation.override("id"):
        assert "22 September 2024" in render(verdict.reason)
    with translation.override("en"):
        assert "22 September 2024" in render(verdict.reason)
    old = {
        "code": "age_no_birth_date",
        "params": {"minimum": 25, "event": "penetapan", "date": "22-09-2024"},
    }
    with translation.override("id"):
        assert "22 September 2024" in render(old)  # a verdict stored before
