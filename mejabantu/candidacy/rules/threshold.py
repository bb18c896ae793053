"""Party and coalition nomination threshold (UU 10/2016 Pasal 40; PKPU 8/2024 Pasal 11).

Two shapes, chosen by the rule set's ``threshold_mode``:

* ``vote_bands`` (MK 60/PUU-XXII/2024, PKPU 10/2024 Pasal 11): a share of the valid votes of
  the last DPRD election, the share picked by the region's Pemilu DPT band; every party that
  contested the Pemilu counts, with or without seats.
* ``seats_or_votes`` (UU 10/2016 Pasal 40 before MK 60): 20 % of DPRD seats or 25 % of the
  valid votes, and only parties holding seats may nominate.

The minimum is rounded up, as KPU offices did (Bangka Selatan: 12,588.3 → 12,589).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations

from mejabantu.candidacy.rules.arithmetic import percent_of_ceil, share_percent
from mejabantu.candidacy.rules.base import Reason, Rule, Status, Verdict
from mejabantu.candidacy.rules.params import LEVEL_GROUP, RuleSetData, band_for

ONE_PAIR_BASIS = "UU 10/2016 Pasal 40 ayat (4); PKPU 8/2024 Pasal 11 ayat (4) dan Pasal 12"


@dataclass(frozen=True)
class PartyResult:
    """A party's result in the last DPRD election of one region."""

    code: str
    name: str
    votes: int
    seats: int = 0


@dataclass(frozen=True)
class Requirement:
    """What a party or coalition must reach in one region under one rule set."""

    mode: str
    required_percent: Decimal
    min_votes: int
    seat_percent: Decimal | None = None
    min_seats: int | None = None
    band_upper: int | None = None


@dataclass(frozen=True)
class CoalitionResult:
    verdict: Verdict
    requirement: Requirement
    coalition_votes: int
    coalition_percent: Decimal
    coalition_seats: int
    excluded: tuple[str, ...] = ()
    completing_parties: tuple[str, ...] = field(default_factory=tuple)

    @property
    def eligible(self) -> bool | None:
        if self.verdict.status == Status.MET:
            return True
        if self.verdict.status == Status.NOT_MET:
            return False
        return None


def requirement(
    rule_set: RuleSetData,
    *,
    level: str,
    dpt: int,
    valid_votes_total: int,
    seats_total: int | None = None,
) -> Requirement:
    """Return the share and minimum votes (and seats, before MK 60) for one region."""
    params = rule_set.params
    if params.threshold_mode == "vote_bands":
        assert params.threshold_percent is not None
        band = band_for(params.threshold_percent[LEVEL_GROUP[level]], dpt)
        return Requirement(
            mode="vote_bands",
            required_percent=band.percent,
            min_votes=percent_of_ceil(band.percent, valid_votes_total),
            band_upper=band.upper,
        )
    assert params.threshold_vote_percent is not None
    assert params.threshold_seat_percent is not None
    return Requirement(
        mode="seats_or_votes",
        required_percent=params.threshold_vote_percent,
        min_votes=percent_of_ceil(params.threshold_vote_percent, valid_votes_total),
        seat_percent=params.threshold_seat_percent,
        min_seats=(
            percent_of_ceil(params.threshold_seat_percent, seats_total)
            if seats_total is not None
            else None
        ),
    )


def _band_text(req: Requirement, level: str, dpt: int) -> Reason:
    area = Reason("area_province" if level == "provinsi" else "area_regency_city")
    if req.band_upper is None:
        band = Reason("band_highest")
    else:
        band = Reason("band_up_to", {"upper": req.band_upper})
    return Reason("dpt_band", {"dpt": dpt, "area": area, "band": band})


class ThresholdRule(Rule):
    """The party/coalition threshold (``threshold``)."""

    code = "threshold"

    def __init__(self, rule_set: RuleSetData):
        self.rule_set = rule_set
        self.legal_basis = rule_set.article("threshold")

    def check(
        self,
        *,
        level: str,
        dpt: int,
        valid_votes_total: int,
        parties: Sequence[PartyResult],
        seats_total: int | None = None,
        already_backing: Iterable[str] = (),
        seats_known: bool = True,
    ) -> CoalitionResult:
        """Return the verdict for ``parties`` proposing one pair together."""
        params = self.rule_set.params
        req = requirement(
            self.rule_set,
            level=level,
            dpt=dpt,
            valid_votes_total=valid_votes_total,
            seats_total=seats_total,
        )
        excluded: list[str] = []
        counted = list(parties)
        if not params.seatless_parties_allowed and seats_known:
            counted = [p for p in parties if p.seats > 0]
            excluded = [p.name for p in parties if p.seats <= 0]
        votes = sum(p.votes for p in counted)
        seats = sum(p.seats for p in counted)
        percent = share_percent(votes, valid_votes_total)
        warnings = []
        backing = set(already_backing)
        doubles = [p.name for p in parties if p.code in backing]
        if doubles:
            warnings.append(
                Reason("party_backs_other_pair", {"parties": doubles, "basis": ONE_PAIR_BASIS})
            )
        if excluded:
            warnings.append(Reason("seatless_votes_not_counted", {"parties": excluded}))
        need = Reason(
            "threshold_need",
            {"percent": str(req.required_percent), "min_votes": req.min_votes},
        )
        have = Reason("coalition_votes", {"votes": votes, "percent": str(percent)})
        reason: Reason
        if not parties:
            status = Status.UNKNOWN
            reason = Reason("threshold_no_party", {"need": need})
        elif req.mode == "vote_bands":
            met = votes >= req.min_votes
            status = Status.MET if met else Status.NOT_MET
            parts: dict = {"band": _band_text(req, level, dpt), "need": need, "have": have}
            if met:
                reason = Reason("threshold_bands_met", parts)
            else:
                reason = Reason("threshold_bands_short", {**parts, "short": req.min_votes - votes})
        else:
            by_votes = votes >= req.min_votes
            by_seats = req.min_seats is not None and seats_known and seats >= req.min_seats
            seat_percent = str(req.seat_percent or 0)
            seat_need = (
                Reason("seat_need_count", {"percent": seat_percent, "seats": req.min_seats})
                if req.min_seats is not None
                else Reason("seat_need", {"percent": seat_percent})
            )
            if by_votes or by_seats:
                status = Status.MET
            elif req.min_seats is None or not seats_known:
                status = Status.UNKNOWN
            else:
                status = Status.NOT_MET
            seat_parts: dict = {"seat_need": seat_need, "need": need, "seats": seats, "have": have}
            code = {
                Status.MET: "threshold_seats_met",
                Status.NOT_MET: "threshold_seats_not_met",
                Status.UNKNOWN: "threshold_seats_unknown",
            }[status]
            reason = Reason(code, seat_parts)
        verdict = self.verdict(status, reason, warnings=tuple(warnings))
        return CoalitionResult(
            verdict=verdict,
            requirement=req,
            coalition_votes=votes,
            coalition_percent=percent,
            coalition_seats=seats,
            excluded=tuple(excluded),
        )


def completing_parties(
    rule: ThresholdRule,
    *,
    level: str,
    dpt: int,
    valid_votes_total: int,
    seats_total: int | None,
    chosen: Sequence[PartyResult],
    others: Sequence[PartyResult],
) -> list[PartyResult]:
    """Return the single parties whose joining would make a coalition that is short reach it."""
    found = []
    for party in others:
        result = rule.check(
            level=level,
            dpt=dpt,
            valid_votes_total=valid_votes_total,
            seats_total=seats_total,
            parties=[*chosen, party],
        )
        if result.verdict.status == Status.MET:
            found.append(party)
    return sorted(found, key=lambda p: (-p.votes, p.code))


def fast_verdicts(
    rule_set: RuleSetData,
    *,
    level: str,
    dpt: int,
    valid_votes_total: int,
    seats_total: int,
    coalitions: Iterable[tuple[int, int]],
) -> list[bool]:
    """Return eligibility for many (counted votes, counted seats) pairs of one region.

    The same rule as :class:`ThresholdRule` without building reasons, for impact
    previews and the benchmark over all regions.
    """
    req = requirement(
        rule_set, level=level, dpt=dpt, valid_votes_total=valid_votes_total, seats_total=seats_total
    )
    if req.mode == "vote_bands":
        need = req.min_votes
        return [votes >= need for votes, _seats in coalitions]
    min_seats = req.min_seats if req.min_seats is not None else 10**9
    return [votes >= req.min_votes or seats >= min_seats for votes, seats in coalitions]


def coalition_verdicts(
    rule_set: RuleSetData,
    *,
    level: str,
    dpt: int,
    valid_votes_total: int,
    seats_total: int,
    votes: Sequence[int],
    seats: Sequence[int],
    max_size: int = 4,
) -> list[bool]:
    """Return eligibility of every coalition of 1..``max_size`` parties of one region.

    Coalitions come in ``itertools.combinations`` order by size (all singles, then all
    pairs, ...). The same decision as :class:`ThresholdRule`, without the reasons: seatless
    parties count only where the rule set allows it.
    """
    req = requirement(
        rule_set, level=level, dpt=dpt, valid_votes_total=valid_votes_total, seats_total=seats_total
    )
    if not rule_set.params.seatless_parties_allowed:
        votes = [v if s > 0 else 0 for v, s in zip(votes, seats, strict=True)]
    need = req.min_votes
    out: list[bool] = []
    if req.mode == "vote_bands":
        for k in range(1, max_size + 1):
            out.extend([sum(c) >= need for c in combinations(votes, k)])
        return out
    min_seats = req.min_seats if req.min_seats is not None else 10**9
    for k in range(1, max_size + 1):
        out.extend(
            [
                sum(cv) >= need or sum(cs) >= min_seats
                for cv, cs in zip(combinations(votes, k), combinations(seats, k), strict=True)
            ]
        )
    return out
