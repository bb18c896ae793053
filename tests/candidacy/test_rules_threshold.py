"""The party/coalition threshold under both 2024 rule sets (pure rules, no database)."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mejabantu.candidacy.reasons import render
from mejabantu.candidacy.rules.arithmetic import percent_of_ceil, share_percent
from mejabantu.candidacy.rules.base import Status
from mejabantu.candidacy.rules.params import load_shipped
from mejabantu.candidacy.rules.threshold import PartyResult, ThresholdRule, requirement


@pytest.mark.parametrize(
    ("level", "dpt", "percent"),
    [
        ("provinsi", 1, "10"),
        ("provinsi", 2_000_000, "10"),
        ("provinsi", 2_000_001, "8.5"),
        ("provinsi", 6_000_000, "8.5"),
        ("provinsi", 6_000_001, "7.5"),
        ("provinsi", 12_000_000, "7.5"),
        ("provinsi", 12_000_001, "6.5"),
        ("kabupaten", 136_500, "10"),
        ("kabupaten", 250_000, "10"),
        ("kabupaten", 250_001, "8.5"),
        ("kota", 500_000, "8.5"),
        ("kota", 500_001, "7.5"),
        ("kabupaten", 1_000_000, "7.5"),
        ("kabupaten", 1_000_001, "6.5"),
    ],
)
def test_dpt_band_upper_bounds_are_inclusive_after_mk_60(new_rules, level, dpt, percent):
    req = requirement(new_rules, level=level, dpt=dpt, valid_votes_total=100_000)
    assert req.required_percent == Decimal(percent)


@pytest.mark.parametrize(
    ("percent", "total", "minimum"),
    [
        ("10", 125_883, 12_589),  # Bangka Selatan: 12,588.3 rounds up
        ("10", 108_000, 10_800),  # exact: no rounding
        ("8.5", 1_000, 85),
        ("8.5", 1_001, 86),  # 85.085 → 86
        ("7.5", 8_250_001, 618_751),
        ("6.5", 1_309_338, 85_107),  # 85,106.97 → 85,107
        ("25", 108_000, 27_000),
        ("20", 25, 5),
        ("20", 26, 6),  # 5.2 seats → 6
    ],
)
def test_minimum_is_rounded_up_as_the_kpu_does(percent, total, minimum):
    assert percent_of_ceil(percent, total) == minimum


@given(
    percent=st.sampled_from(["6.5", "7.5", "8.5", "10", "20", "25"]),
    total=st.integers(min_value=1, max_value=300_000_000),
)
def test_minimum_is_the_smallest_count_reaching_the_share(percent, total):
    minimum = percent_of_ceil(percent, total)
    share = Fraction(percent) / 100
    assert minimum >= share * total
    assert minimum - 1 < share * total


@given(part=st.integers(0, 10**9), whole=st.integers(1, 10**9))
def test_displayed_share_never_exceeds_the_real_share(part, whole):
    part = min(part, whole)
    assert Fraction(str(share_percent(part, whole))) <= Fraction(part * 100, whole)


def _check(rule_set, parties, *, total=108_000, seats=25, dpt=136_500, backing=()):
    return ThresholdRule(rule_set).check(
        level="kabupaten",
        dpt=dpt,
        valid_votes_total=total,
        seats_total=seats,
        parties=parties,
        already_backing=backing,
    )


@pytest.mark.parametrize(("votes", "status"), [(10_800, Status.MET), (10_799, Status.NOT_MET)])
def test_belitung_coalition_needs_ten_percent_of_valid_votes(new_rules, votes, status):
    result = _check(new_rules, [PartyResult("x", "X", votes, 0)])
    assert result.requirement.min_votes == 10_800
    assert result.verdict.status == status
    assert "PKPU 10/2024 Pasal 11" in result.verdict.legal_basis


def test_party_without_seats_counts_after_mk_60_but_not_before(new_rules, old_rules):
    seatless = [PartyResult("buruh", "Partai Buruh", 30_000, 0)]
    assert _check(new_rules, seatless).verdict.status == Status.MET
    before = _check(old_rules, seatless)
    assert before.verdict.status == Status.NOT_MET
    assert before.coalition_votes == 0
    assert any("kursi DPRD" in w for w in map(render, before.verdict.warnings))


@pytest.mark.parametrize(
    ("seats", "votes", "status"),
    [
        (5, 1_000, Status.MET),  # 20 % of 25 seats
        (4, 26_999, Status.NOT_MET),
        (4, 27_000, Status.MET),  # 25 % of valid votes
    ],
)
def test_before_mk_60_twenty_percent_of_seats_or_25_percent_of_votes(
    old_rules, seats, votes, status
):
    result = _check(old_rules, [PartyResult("a", "A", votes, seats)])
    assert result.requirement.min_seats == 5
    assert result.verdict.status == status


def test_warns_when_a_party_already_backs_another_pair(new_rules):
    result = _check(
        new_rules,
        [PartyResult("pdip", "PDI-P", 17_500, 4), PartyResult("psi", "PSI", 8_200, 2)],
        backing={"psi"},
    )
    assert result.verdict.status == Status.MET
    assert any("PSI sudah mengusung" in w for w in map(render, result.verdict.warnings))


def test_no_party_chosen_is_unknown_not_a_failure(new_rules):
    assert _check(new_rules, []).verdict.status == Status.UNKNOWN


@given(
    votes=st.lists(st.integers(0, 50_000), min_size=5, max_size=5),
    seats=st.lists(st.integers(0, 6), min_size=5, max_size=5),
    legacy=st.booleans(),
)
def test_fast_coalition_verdicts_agree_with_the_full_rule(votes, seats, legacy):
    from itertools import combinations

    from mejabantu.candidacy.rules.threshold import coalition_verdicts

    rules = load_shipped("uu10-2016-pkpu8-2024" if legacy else "pkpu10-2024")
    total = max(sum(votes), 1)
    fast = coalition_verdicts(
        rules,
        level="kabupaten",
        dpt=136_500,
        valid_votes_total=total,
        seats_total=25,
        votes=votes,
        seats=seats,
        max_size=3,
    )
    parties = [
        PartyResult(str(i), str(i), v, s) for i, (v, s) in enumerate(zip(votes, seats, strict=True))
    ]
    groups = [g for k in (1, 2, 3) for g in combinations(parties, k)]
    full = [_check(rules, list(g), total=total).eligible is True for g in groups]
    assert fast == full
