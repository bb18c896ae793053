"""Run the pure rules on stored data: a registration's verdicts under one rule set."""

from __future__ import annotations

from django.utils.translation import gettext as _

from mejabantu.candidacy.models import Registration
from mejabantu.candidacy.reasons import verdict_data
from mejabantu.candidacy.rules.base import Reason, Status, Verdict, overall
from mejabantu.candidacy.rules.eligibility import Candidate, check_candidate
from mejabantu.candidacy.rules.independent import IndependentSupportRule
from mejabantu.candidacy.rules.params import RuleSetData
from mejabantu.candidacy.rules.threshold import ThresholdRule
from mejabantu.candidacy.selectors import parties_backing_other_pairs, region_figures

DEPUTY = {"gubernur": "wakil_gubernur", "bupati": "wakil_bupati", "walikota": "wakil_walikota"}


def nomination_verdict(rule_set: RuleSetData, registration: Registration) -> Verdict:
    """Return the threshold (party route) or support (independent route) verdict."""
    figures = region_figures(code=registration.contest.region.code)
    if figures is None:
        return Verdict(
            code="threshold",
            status=Status.UNKNOWN,
            reason=Reason("region_data_missing"),
            legal_basis=rule_set.article("threshold"),
        )
    level = figures.level
    if registration.route == Registration.Route.INDEPENDENT:
        verdict, _req = IndependentSupportRule(rule_set).check(
            level=level, dpt=figures.stats.dpt_pemilu, sub_regions=figures.sub_regions
        )
        return Verdict(
            code=verdict.code,
            status=Status.NEEDS_DOCUMENT,
            reason=Reason("support_to_prove", {"need": verdict.reason.params["need"]}),
            legal_basis=verdict.legal_basis,
            document=_("Minutes of the support recapitulation"),
            issuer=_("The local KPU"),
        )
    by_code = figures.by_code()
    codes = [p.code for p in registration.parties.all()]
    parties = [by_code[c] for c in codes if c in by_code]
    backing = parties_backing_other_pairs(
        contest_id=registration.contest_id, exclude_id=registration.pk
    )
    result = ThresholdRule(rule_set).check(
        level=level,
        dpt=figures.stats.dpt_pemilu,
        valid_votes_total=figures.valid_votes_total,
        seats_total=figures.stats.dprd_seats,
        parties=parties,
        already_backing=backing if not registration.is_rehearsal else (),
    )
    return result.verdict


def registration_verdicts(rule_set: RuleSetData, registration: Registration) -> dict:
    """Return every verdict of a registration as JSON-ready data."""
    kind = registration.contest.kind
    head = Candidate(
        position=kind,
        birth_date=registration.head_birth_date,
        education=registration.head_education or None,
        terms_served=registration.head_terms_served,
    )
    deputy = Candidate(
        position=DEPUTY[kind],
        birth_date=registration.deputy_birth_date,
        education=registration.deputy_education or None,
        terms_served=registration.deputy_terms_served,
    )
    nomination = nomination_verdict(rule_set, registration)
    head_v = check_candidate(rule_set, head)
    deputy_v = check_candidate(rule_set, deputy)
    return {
        "rule_set": rule_set.code,
        "nomination": verdict_data(nomination),
        "head": [verdict_data(v) for v in head_v],
        "deputy": [verdict_data(v) for v in deputy_v],
        "eligible": overall([nomination, *head_v, *deputy_v]),
    }


def verdict_summary(verdicts: dict) -> dict[str, str]:
    """Return {check key: status} for comparing two sets of verdicts."""
    summary: dict[str, str] = {}
    if not verdicts:
        return summary
    summary["nomination"] = verdicts["nomination"]["status"]
    for role in ("head", "deputy"):
        for v in verdicts[role]:
            summary[f"{role}.{v['code']}"] = v["status"]
    return summary
