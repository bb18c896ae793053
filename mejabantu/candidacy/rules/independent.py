"""Independent (perseorangan) candidates' support (UU 10/2016 Pasal 41; Kepkpu 532/2024).

The minimum number of supporters is a percentage of the DPT by the same bands as the
party threshold, rounded up; the support must be spread over more than half of the
sub-regions (kabupaten/kota of a province, kecamatan of a kabupaten/kota): of 5 kecamatan
that is 3, of 4 it is 3, of 11 it is 6.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from mejabantu.candidacy.rules.arithmetic import (
    format_number,
    format_percent,
    more_than_half,
    percent_of_ceil,
)
from mejabantu.candidacy.rules.base import Rule, Status, Verdict
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
        unit = "kabupaten/kota" if level == "provinsi" else "kecamatan"
        need = (
            f"{format_percent(req.required_percent)} % dari DPT {format_number(dpt)} = "
            f"{format_number(req.min_supporters)} pendukung (dibulatkan ke atas), tersebar di "
            f"sekurang-kurangnya {req.min_sub_regions} dari {sub_regions} {unit} (lebih dari "
            "setengah)"
        )
        if supporters is None or sub_regions_reached is None:
            return self.verdict(Status.UNKNOWN, f"Syarat dukungan: {need}."), req
        short = []
        if supporters < req.min_supporters:
            short.append(f"pendukung kurang {format_number(req.min_supporters - supporters)}")
        if sub_regions_reached < req.min_sub_regions:
            short.append(f"sebaran kurang {req.min_sub_regions - sub_regions_reached} {unit}")
        if short:
            return self.verdict(Status.NOT_MET, f"Syarat: {need}; {', '.join(short)}."), req
        return self.verdict(Status.MET, f"Syarat: {need} — terpenuhi."), req
