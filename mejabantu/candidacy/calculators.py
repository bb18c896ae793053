"""The three calculators behind the API and the pages: threshold, eligibility, support.

Input arrives loosely typed (JSON, form data); every problem raises :class:`InputError`
naming the field, with an Indonesian sentence that says what to send instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.utils.translation import gettext as _

from mejabantu.candidacy.reasons import render, verdict_data
from mejabantu.candidacy.rules.arithmetic import share_percent
from mejabantu.candidacy.rules.base import overall
from mejabantu.candidacy.rules.eligibility import (
    POSITION_LABELS,
    Candidate,
    ServicePeriod,
    check_candidate,
)
from mejabantu.candidacy.rules.independent import IndependentSupportRule
from mejabantu.candidacy.rules.params import CONTEST_LEVEL, EDUCATION_ORDER, RuleSetData
from mejabantu.candidacy.rules.threshold import (
    PartyResult,
    ThresholdRule,
    completing_parties,
)
from mejabantu.candidacy.selectors import (
    UnknownRuleSet,
    parties_backing_other_pairs,
    region_figures,
    rule_set_data,
)

LEVELS = ("provinsi", "kabupaten", "kota")


class InputError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def _rule_set(code: str | None) -> RuleSetData:
    try:
        return rule_set_data(code or None)
    except UnknownRuleSet as exc:
        raise InputError("rule_set", _("rule set %(code)r is unknown.") % {"code": code}) from exc


def _count(field: str, value, *, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(field, _("must be a whole number."))
    if value < minimum:
        raise InputError(field, _("must not be less than %(minimum)s.") % {"minimum": minimum})
    return value


def _level(value) -> str:
    if value not in LEVELS:
        raise InputError("level", _("choose provinsi, kabupaten or kota."))
    return value


def _date(field: str, value) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        if len(str(value)) != 10:
            raise ValueError
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise InputError(
            field, _("the date must be written YYYY-MM-DD, for example 1990-08-17.")
        ) from exc


def _percent(value) -> float:
    return float(value)


def _backing_in_region(region, kind: str) -> set[str]:
    """Return the parties already proposing a registered pair in the region's latest contest."""
    from mejabantu.candidacy.models import Contest

    contest = Contest.objects.filter(region=region, kind=kind).order_by("-election_date").first()
    if contest is None:
        return set()
    return parties_backing_other_pairs(contest_id=contest.pk)


def threshold(
    *,
    region: str | None = None,
    contest: str | None = None,
    parties: Sequence[str] | None = None,
    level: str | None = None,
    dpt: int | None = None,
    valid_votes_total: int | None = None,
    coalition_votes: int | None = None,
    coalition_seats: int | None = None,
    seats_total: int | None = None,
    already_backing: Sequence[str] = (),
    rule_set: str | None = None,
) -> dict:
    """Check a party or coalition against the threshold of a region or of given figures."""
    rs = _rule_set(rule_set)
    rule = ThresholdRule(rs)
    figures = None
    if region:
        figures = region_figures(code=region)
        if figures is None or figures.level not in LEVELS:
            raise InputError(
                "region",
                _("region %(region)r is unknown or has no figures yet.") % {"region": region},
            )
        if contest not in CONTEST_LEVEL:
            raise InputError("contest", _("choose gubernur, bupati or walikota."))
        if CONTEST_LEVEL[contest] != figures.level:
            raise InputError(
                "contest",
                _("there is no %(contest)s election in a region of level %(level)s.")
                % {"contest": contest, "level": figures.level},
            )
        if not parties:
            raise InputError("parties", _("choose at least one party."))
        by_code = figures.by_code()
        unknown = [c for c in parties if c not in by_code]
        if unknown:
            raise InputError(
                "parties",
                _("parties %(parties)s are not in this region's figures.")
                % {"parties": ", ".join(unknown)},
            )
        chosen = [by_code[c] for c in dict.fromkeys(parties)]
        already_backing = set(already_backing) | _backing_in_region(figures.region, contest)
        lvl, d, total = figures.level, figures.stats.dpt_pemilu, figures.valid_votes_total
        seats = figures.stats.dprd_seats
        seats_known = True
    else:
        if level is None and dpt is None:
            raise InputError(
                "region", _("send a region code, or level, dpt and valid_votes_total.")
            )
        lvl = _level(level)
        d = _count("dpt", dpt, minimum=1)
        total = _count("valid_votes_total", valid_votes_total, minimum=1)
        votes = _count("coalition_votes", coalition_votes)
        if votes > total:
            raise InputError("coalition_votes", _("must not be more than valid_votes_total."))
        seats = _count("seats_total", seats_total, minimum=1) if seats_total is not None else None
        own_seats = (
            _count("coalition_seats", coalition_seats) if coalition_seats is not None else None
        )
        if own_seats is not None and seats is not None and own_seats > seats:
            raise InputError("coalition_seats", _("must not be more than seats_total."))
        seats_known = own_seats is not None
        chosen = [
            PartyResult(code="koalisi", name=_("Coalition"), votes=votes, seats=own_seats or 0)
        ]
    result = rule.check(
        level=lvl,
        dpt=d,
        valid_votes_total=total,
        seats_total=seats,
        parties=chosen,
        already_backing=already_backing,
        seats_known=seats_known,
    )
    helpers: list[PartyResult] = []
    if figures is not None and result.eligible is False:
        chosen_codes = {p.code for p in chosen}
        helpers = completing_parties(
            rule,
            level=lvl,
            dpt=d,
            valid_votes_total=total,
            seats_total=seats,
            chosen=chosen,
            others=[p for p in figures.results if p.code not in chosen_codes],
        )
    req = result.requirement
    return {
        "required_percent": _percent(req.required_percent),
        "min_votes": req.min_votes,
        "coalition_votes": result.coalition_votes,
        "coalition_percent": _percent(result.coalition_percent),
        "min_seats": req.min_seats,
        "coalition_seats": result.coalition_seats if seats_known else None,
        "eligible": result.eligible,
        "status": str(result.verdict.status),
        "reason": render(result.verdict.reason),
        "reason_code": result.verdict.reason.code,
        "warnings": [render(w) for w in result.verdict.warnings],
        "completing_parties": [p.code for p in helpers],
        "rule_set": rs.code,
        "legal_basis": result.verdict.legal_basis,
        "illustrative": bool(figures and figures.illustrative),
        "valid_votes_total": total,
        "dpt": d,
        "level": lvl,
        "_helpers": helpers,
        "_chosen": chosen,
    }


def eligibility(
    *,
    position: str | None,
    birth_date=None,
    terms_served: int | None = None,
    education: str | None = None,
    is_acting_head: bool | None = None,
    service_periods: Sequence[dict] = (),
    rule_set: str | None = None,
) -> dict:
    """Check one candidate; ``eligible`` is None while documents are still needed."""
    rs = _rule_set(rule_set)
    if position not in POSITION_LABELS:
        raise InputError(
            "position", _("choose one of: %(choices)s.") % {"choices": ", ".join(POSITION_LABELS)}
        )
    born = _date("birth_date", birth_date)
    if born is not None and born > rs.params.age_reference.date:
        raise InputError(
            "birth_date", _("the date of birth must not be after the age reference date.")
        )
    if terms_served is not None:
        _count("terms_served", terms_served)
    if education not in (None, "") and education not in EDUCATION_ORDER:
        raise InputError(
            "education", _("choose one of: %(choices)s.") % {"choices": ", ".join(EDUCATION_ORDER)}
        )
    periods = []
    for i, raw in enumerate(service_periods):
        start = _date(f"service_periods.{i}.start", raw.get("start"))
        if start is None:
            raise InputError(f"service_periods.{i}.start", _("the start date is required."))
        end = _date(f"service_periods.{i}.end", raw.get("end"))
        if end is not None and end < start:
            raise InputError(f"service_periods.{i}.end", _("must not be before the start date."))
        periods.append(ServicePeriod(start=start, end=end, acting=bool(raw.get("acting"))))
    candidate = Candidate(
        position=position,
        birth_date=born,
        education=education or None,
        terms_served=terms_served,
        service_periods=tuple(periods),
        is_acting_head=is_acting_head,
    )
    verdicts = check_candidate(rs, candidate)
    return {
        "eligible": overall(verdicts),
        "checks": [verdict_data(v) for v in verdicts],
        "rule_set": rs.code,
        "reference_date": rs.params.age_reference.date.isoformat(),
        "reference_event": rs.params.age_reference.event,
        "reference_uncertain": rs.params.age_reference.uncertain,
        "_verdicts": verdicts,
    }


def independent_support(
    *,
    region: str | None = None,
    level: str | None = None,
    dpt: int | None = None,
    sub_regions: int | None = None,
    supporters: int | None = None,
    sub_regions_reached: int | None = None,
    rule_set: str | None = None,
) -> dict:
    """Return the minimum supporters and spread, and a verdict when support is given."""
    rs = _rule_set(rule_set)
    illustrative = False
    if region:
        figures = region_figures(code=region)
        if figures is None or figures.level not in LEVELS:
            raise InputError(
                "region",
                _("region %(region)r is unknown or has no figures yet.") % {"region": region},
            )
        lvl, d, subs = figures.level, figures.stats.dpt_pemilu, figures.sub_regions
        illustrative = figures.illustrative
        if subs < 1:
            raise InputError(
                "region",
                _("the number of districts/regencies of this region has not been imported yet."),
            )
    else:
        lvl = _level(level)
        d = _count("dpt", dpt, minimum=1)
        subs = _count("sub_regions", sub_regions, minimum=1)
    if supporters is not None:
        _count("supporters", supporters)
    if sub_regions_reached is not None:
        _count("sub_regions_reached", sub_regions_reached)
        if sub_regions_reached > subs:
            raise InputError(
                "sub_regions_reached", _("must not be more than %(count)s.") % {"count": subs}
            )
    verdict, req = IndependentSupportRule(rs).check(
        level=lvl,
        dpt=d,
        sub_regions=subs,
        supporters=supporters,
        sub_regions_reached=sub_regions_reached,
    )
    return {
        "min_supporters": req.min_supporters,
        "required_percent": _percent(req.required_percent),
        "min_sub_regions": req.min_sub_regions,
        "sub_regions": subs,
        "dpt": d,
        "level": lvl,
        "status": str(verdict.status),
        "reason": render(verdict.reason),
        "reason_code": verdict.reason.code,
        "legal_basis": verdict.legal_basis,
        "rule_set": rs.code,
        "illustrative": illustrative,
        "share_of_dpt": _percent(share_percent(supporters, d)) if supporters is not None else None,
    }
