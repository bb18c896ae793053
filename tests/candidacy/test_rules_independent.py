"""Independent candidates' support and the document checklist (pure rules)."""

import pytest

from mejabantu.candidacy.rules.arithmetic import more_than_half
from mejabantu.candidacy.rules.base import Status
from mejabantu.candidacy.rules.documents import checklist, full_checklist
from mejabantu.candidacy.rules.independent import IndependentSupportRule, support_requirement


def test_belitung_needs_13650_supporters_in_3_of_5_kecamatan(new_rules):
    req = support_requirement(new_rules, level="kabupaten", dpt=136_500, sub_regions=5)
    assert (req.min_supporters, req.min_sub_regions) == (13_650, 3)
    assert str(req.required_percent) == "10"


@pytest.mark.parametrize(
    ("level", "dpt", "subs", "minimum", "spread"),
    [
        ("kabupaten", 95_791, 7, 9_580, 4),  # Belitung Timur
        ("kota", 1_309_338, 11, 85_107, 6),  # Depok 2020: 6.5 %, 5.5 → 6
        ("kabupaten", 250_000, 4, 25_000, 3),
        ("kabupaten", 250_001, 4, 21_251, 3),  # 8.5 %: 21,250.085 → 21,251
        ("provinsi", 2_000_000, 7, 200_000, 4),
        ("provinsi", 2_000_001, 7, 170_001, 4),
    ],
)
def test_support_table(new_rules, level, dpt, subs, minimum, spread):
    req = support_requirement(new_rules, level=level, dpt=dpt, sub_regions=subs)
    assert (req.min_supporters, req.min_sub_regions) == (minimum, spread)


@pytest.mark.parametrize(("n", "more"), [(1, 1), (2, 2), (3, 2), (4, 3), (5, 3), (7, 4), (11, 6)])
def test_more_than_half(n, more):
    assert more_than_half(n) == more


@pytest.mark.parametrize(
    ("supporters", "reached", "status"),
    [
        (13_650, 3, Status.MET),
        (13_649, 3, Status.NOT_MET),
        (20_000, 2, Status.NOT_MET),
        (None, None, Status.UNKNOWN),
    ],
)
def test_support_verdict(new_rules, supporters, reached, status):
    verdict, _req = IndependentSupportRule(new_rules).check(
        level="kabupaten",
        dpt=136_500,
        sub_regions=5,
        supporters=supporters,
        sub_regions_reached=reached,
    )
    assert verdict.status == status


def test_checklist_differs_by_route_and_role():
    party = {i.code for i in checklist("party", "pair")}
    independent = {i.code for i in checklist("independent", "pair")}
    assert "party_pair_approval" in party and "party_pair_approval" not in independent
    assert "independent_support_decision" in independent
    head = {i.code: i.document for i in checklist("party", "head")}
    deputy = {i.code: i.document for i in checklist("party", "deputy")}
    assert "the same region" in deputy["candidate_statement"]
    assert "the same region" not in head["candidate_statement"]
    assert all(i.issuer for i in full_checklist("party"))
    with pytest.raises(ValueError, match="route"):
        checklist("mystery", "head")
