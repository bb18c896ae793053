"""Reads for candidacy: rule sets, region figures, registrations scoped to the acting user."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from mejabantu.accounts import access
from mejabantu.candidacy.models import PartyResult, RegionStats, Registration, RuleSet
from mejabantu.candidacy.rules.params import RuleSetData, load_shipped, shipped_rule_sets
from mejabantu.candidacy.rules.threshold import PartyResult as PurePartyResult
from mejabantu.offices.models import Region


class UnknownRuleSet(LookupError):
    pass


def rule_sets_all() -> QuerySet[RuleSet]:
    """Return every stored rule set, newest effective date first."""
    return RuleSet.objects.select_related("superseded_by", "based_on")


def rule_sets_published() -> QuerySet[RuleSet]:
    """Return the published rule sets: the only ones the calculators, checks and the public
    lists use."""
    return rule_sets_all().filter(status=RuleSet.Status.PUBLISHED)


def rule_sets_visible_to(user) -> QuerySet[RuleSet]:
    """Return the published rule sets and the drafts ``user`` may see (access.drafts_visible)."""
    qs = rule_sets_all().select_related("office")
    drafts = access.drafts_visible(user)
    if drafts is None:
        return qs
    return qs.filter(Q(status=RuleSet.Status.PUBLISHED) | drafts)


def rule_set_get(*, user, code: str) -> RuleSet:
    """Return one rule set ``user`` may see, or raise 404 (a draft for anyone else)."""
    found = rule_sets_visible_to(user).filter(code=code).first()
    if found is None:
        raise Http404
    return found


def rule_set_current(*, on: dt.date | None = None) -> RuleSet | None:
    """Return the published rule set in force on ``on`` (today by default)."""
    on = on or timezone.localdate()
    return rule_sets_published().filter(effective_date__lte=on).order_by("-effective_date").first()


def rule_set_data(code: str | None = None, *, on: dt.date | None = None) -> RuleSetData:
    """Return the pure published rule set by code, or the one in force; shipped JSON is the
    fallback. A draft is never used: its code is unknown here, for everyone."""
    if code:
        stored = RuleSet.objects.select_related("superseded_by").filter(code=code).first()
        if stored is not None:
            if stored.status != RuleSet.Status.PUBLISHED:
                raise UnknownRuleSet(code)
            return stored.as_data()
        try:
            return load_shipped(code)
        except KeyError as exc:
            raise UnknownRuleSet(code) from exc
    current = rule_set_current(on=on)
    if current is not None:
        return current.as_data()
    shipped = [load_shipped(c) for c in shipped_rule_sets()]
    on = on or timezone.localdate()
    in_force = [r for r in shipped if r.effective_date <= on] or shipped
    return max(in_force, key=lambda r: r.effective_date)


@dataclass(frozen=True)
class RegionFigures:
    """What the checks need about a region, with the parties' results as pure objects."""

    region: Region
    stats: RegionStats
    results: tuple[PurePartyResult, ...]
    sub_regions: int
    illustrative: bool

    @property
    def level(self) -> str:
        return self.region.level

    @property
    def valid_votes_total(self) -> int:
        return self.stats.valid_votes_total or sum(r.votes for r in self.results)

    def by_code(self) -> dict[str, PurePartyResult]:
        return {r.code: r for r in self.results}


def regions_with_figures() -> QuerySet[Region]:
    """Return the regions that have DPT figures, for the calculators' region pickers."""
    return (
        Region.objects.filter(candidacy_stats__isnull=False)
        .select_related("candidacy_stats")
        .order_by("code")
    )


def region_figures(*, code: str) -> RegionFigures | None:
    """Return a region's figures and party results, or None when the region is unknown."""
    stats = RegionStats.objects.select_related("region").filter(region__code=code).first()
    if stats is None:
        return None
    rows = list(
        PartyResult.objects.filter(region=stats.region)
        .select_related("party")
        .order_by("-votes", "party__code")
    )
    results = tuple(
        PurePartyResult(code=r.party.code, name=r.party.short_name, votes=r.votes, seats=r.seats)
        for r in rows
    )
    return RegionFigures(
        region=stats.region,
        stats=stats,
        results=results,
        sub_regions=stats.region.children.count(),
        illustrative=stats.illustrative or any(r.illustrative for r in rows),
    )


def registrations_visible_to(user) -> QuerySet[Registration]:
    """Return the registrations ``user`` may see.

    Officers and coordinators see their own office's; admins see all; a party operator sees
    the registrations of its organisation, or those its party proposes at its office.
    """
    qs = Registration.objects.select_related(
        "office", "contest", "contest__region", "organisation", "rule_set", "received_by"
    ).prefetch_related("parties")
    if not user.is_authenticated:
        return qs.none()
    if user.is_staff_member or access.is_administrator(user):
        return access.scoped(qs, user, organisation=None)
    org = user.organisation
    if org is None:
        return qs.none()
    scope = Q(organisation=org)
    if org.party_code:
        scope |= Q(office_id=org.office_id, parties__code=org.party_code)
    return qs.filter(scope).distinct()


def registrations_countable(*, office) -> QuerySet[Registration]:
    """Return an office's real registrations for counts and reports (never rehearsals)."""
    return Registration.objects.filter(office=office, is_rehearsal=False)


def registration_get(*, user, number: str) -> Registration:
    """Return one visible registration or raise 404 (also for another party's record)."""
    found = registrations_visible_to(user).filter(number=number).first()
    if found is None:
        raise Http404
    return found


def parties_backing_other_pairs(*, contest_id: int, exclude_id: int | None = None) -> set[str]:
    """Return the codes of parties already proposing a (non-rehearsal) pair in a contest."""
    qs = Registration.objects.filter(contest_id=contest_id, is_rehearsal=False)
    if exclude_id:
        qs = qs.exclude(pk=exclude_id)
    return set(qs.values_list("parties__code", flat=True)) - {None}
