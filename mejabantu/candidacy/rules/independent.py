"""Independent (perseorangan) candidates' support (UU 10/2016 Pasal 41; Kepkpu 532/2024).

The minimum number of supporters is a percentage of the DPT by the same bands as the
party threshold, rounded up; the support must be spread over more than half of the
sub-regions (kabupaten/kota of a province, kecamatan of a kabupaten/kota): of 5 kecamatan
that is 3, of 4 it is 3, of 11 it is 6.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from mejabantu.candidacy.rules.arithmetic import more_than_half, percent_of_ceil
from mejabantu.candidacy.rules.base import Reason, Rule, Status, Verdict
from mejabantu.candidacy.rules.params import LEVEL_GROUP, RuleSetData, band_for


@dataclass(frozen=True)
class SupportRequirement:
    required_percent: Decimal
    min_supporters: int
    sub_regions: int
    min_sub_regions: int


def support_requirement(
    rule_set: RuleSetData, *, level: str, dpt: int, sub_regions: int
) -> SupportRequirement:
    """Return the minimum supporters and the spread for one region."""
    band = band_for(rule_set.params.independent_percent[LEVEL_GROUP[level]], dpt)
    return SupportRequirement(
        required_percent=band.percent,
        min_supporters=percent_of_ceil(band.percent, dpt),
        sub_regions=sub_regions,
        min_sub_regions=more_than_half(sub_regions),
    )


class IndependentSupportRule(Rule):
    code = "independent_support"

    def __init__(self, rule_set: RuleSetData):
        self.rule_set = rule_set
        self.legal_basis = rule_set.article("independent", "UU 10/2016 Pasal 41")

    def check(
        self,
        *,
        level: str,
        dpt: int,
        sub_regions: int,
        supporters: int | None = None,
        sub_regions_reached: int | None = None,
    ) -> tuple[Verdict, SupportRequirement]:
        """Compare the support handed in with the minimum and the spread."""
        req = support_requirement(self.rule_set, level=level, dpt=dpt, sub_regions=sub_regions)
        unit = Reason("unit_regency_city" if level == "provinsi" else "unit_district")
        need = Reason(
            "support_need",
            {
                "percent": str(req.required_percent),
                "dpt": dpt,
                "min_supporters": req.min_supporters,
                "min_sub_regions": req.min_sub_regions,
                "sub_regions": sub_regions,
                "unit": unit,
            },
        )
        if supporters is None or sub_regions_reached is None:
            return self.verdict(Status.UNKNOWN, Reason("support_unknown", {"need": need})), req
        short = []
        if supporters < req.min_supporters:
            short.append(Reason("supporters_short", {"count": req.min_supporters - supporters}))
        if sub_regions_reached < req.min_sub_regions:
            short.append(
                Reason(
                    "spread_short",
                    {"count": req.min_sub_regions - sub_regions_reached, "unit": unit},
                )
            )
        if short:
            reason = Reason("support_not_met", {"need": need, "short": short})
            return self.verdict(Status.NOT_MET, reason), req
        return self.verdict(Status.MET, Reason("support_met", {"need": need})), req
