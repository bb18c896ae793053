"""What a change of rules changes: registrations, coalitions and published answers.

Before a coordinator publishes a rule set (a juknis, a court decision) the preview runs
every visible registration and every coalition of up to ``max_size`` of each region's
parties under the rule set in force and under the proposed one, and lists the
differences. The demo shows the change of 20–25 August 2024 (MK 60 and 70, PKPU 10/2024)
for Belitung.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from mejabantu.candidacy.checks import registration_verdicts, verdict_summary
from mejabantu.candidacy.models import Registration, RuleSet
from mejabantu.candidacy.rules.params import RuleSetData, changed_parameters
from mejabantu.candidacy.rules.threshold import PartyResult, fast_verdicts
from mejabantu.candidacy.selectors import (
    RegionFigures,
    region_figures,
    regions_with_figures,
    registrations_visible_to,
)


@dataclass
class RegistrationChange:
    registration: Registration
    changes: list[tuple[str, str, str]]
    eligible_before: bool | None
    eligible_after: bool | None


@dataclass
class RegionImpact:
    figures: RegionFigures
    coalitions: int
    gained: int
    lost: int
    parties_alone: list[tuple[PartyResult, bool, bool]]
    examples_gained: list[tuple[str, ...]] = field(default_factory=list)
    examples_lost: list[tuple[str, ...]] = field(default_factory=list)
    min_votes_before: int = 0
    min_votes_after: int = 0


@dataclass
class Impact:
    current: RuleSet
    proposed: RuleSet
    changed_keys: list[str]
    registrations: list[RegistrationChange]
    unchanged_registrations: int
    regions: list[RegionImpact]
    answers: list | None  # None: the knowledge base cannot be asked (not installed)


def _counted(parties: tuple[PartyResult, ...], rule_set: RuleSetData) -> tuple[int, int]:
    if rule_set.params.seatless_parties_allowed:
        return sum(p.votes for p in parties), sum(p.seats for p in parties)
    seated = [p for p in parties if p.seats > 0]
    return sum(p.votes for p in seated), sum(p.seats for p in seated)


def region_impact(
    figures: RegionFigures, before: RuleSetData, after: RuleSetData, *, max_size: int = 3
) -> RegionImpact:
    """Compare every coalition of up to ``max_size`` parties of one region."""
    from mejabantu.candidacy.rules.threshold import requirement

    results = figures.results
    groups = [c for k in range(1, max_size + 1) for c in combinations(results, k)]
    common = {
        "level": figures.level,
        "dpt": figures.stats.dpt_pemilu,
        "valid_votes_total": figures.valid_votes_total,
        "seats_total": figures.stats.dprd_seats or 0,
    }
    old = fast_verdicts(before, coalitions=[_counted(g, before) for g in groups], **common)
    new = fast_verdicts(after, coalitions=[_counted(g, after) for g in groups], **common)
    gained, lost = [], []
    for group, was, now in zip(groups, old, new, strict=True):
        if now and not was:
            gained.append(group)
        elif was and not now:
            lost.append(group)
    alone = [(g[0], o, n) for g, o, n in zip(groups, old, new, strict=True) if len(g) == 1]

    def minimal(found):
        chosen: list[tuple[PartyResult, ...]] = []
        for g in sorted(found, key=lambda g: (len(g), -sum(p.votes for p in g))):
            codes = {p.code for p in g}
            if any({p.code for p in c} <= codes for c in chosen):
                continue
            chosen.append(g)
        return [tuple(p.name for p in g) for g in chosen[:8]]

    req_before = requirement(before, **{k: common[k] for k in common})
    req_after = requirement(after, **{k: common[k] for k in common})
    return RegionImpact(
        figures=figures,
        coalitions=len(groups),
        gained=len(gained),
        lost=len(lost),
        parties_alone=alone,
        examples_gained=minimal(gained),
        examples_lost=minimal(lost),
        min_votes_before=req_before.min_votes,
        min_votes_after=req_after.min_votes,
    )


def answers_citing(keys: list[str]) -> list | None:
    """Return the published answers that cite any of ``keys`` (None without the KB)."""
    try:
        from mejabantu.knowledge.selectors import answers_citing_parameters
    except ImportError:
        return None
    try:
        return list(answers_citing_parameters(keys))
    except Exception:  # noqa: BLE001 — the knowledge app is optional here
        return None


def _regions_for(user) -> list[str]:
    qs = regions_with_figures()
    if user.is_superuser or user.role == "admin":
        return list(qs.values_list("code", flat=True))
    office = user.office
    if office is None or office.region is None or office.code == "ri":
        return list(qs.values_list("code", flat=True)) if office and office.code == "ri" else []
    code = office.region.code
    return [c for c in qs.values_list("code", flat=True) if c == code or c.startswith(code + ".")]


def impact_preview(*, user, current: RuleSet, proposed: RuleSet, max_size: int = 3) -> Impact:
    """Return what changes when ``proposed`` replaces ``current`` for ``user``'s scope."""
    before, after = current.as_data(), proposed.as_data()
    changes = []
    unchanged = 0
    for reg in registrations_visible_to(user).order_by("number"):
        old = registration_verdicts(before, reg)
        new = registration_verdicts(after, reg)
        s_old, s_new = verdict_summary(old), verdict_summary(new)
        diff = [(k, s_old.get(k, ""), s_new.get(k, "")) for k in s_new if s_old.get(k) != s_new[k]]
        if diff or old["eligible"] != new["eligible"]:
            changes.append(RegistrationChange(reg, diff, old["eligible"], new["eligible"]))
        else:
            unchanged += 1
    regions = []
    for code in _regions_for(user):
        figures = region_figures(code=code)
        if figures is not None and figures.results:
            regions.append(region_impact(figures, before, after, max_size=max_size))
    keys = changed_parameters(current.parameters, proposed.parameters)
    return Impact(
        current=current,
        proposed=proposed,
        changed_keys=keys,
        registrations=changes,
        unchanged_registrations=unchanged,
        regions=regions,
        answers=answers_citing(keys) if keys else [],
    )
