"""Shipped rule sets are complete data, with the parameter names the knowledge base uses."""

import json

import pytest

from mejabantu.candidacy.reasons import shown_error
from mejabantu.candidacy.rules.params import (
    RuleSetData,
    RuleSetError,
    changed_parameters,
    shipped_rule_sets,
)

KB_KEYS = {
    "threshold_percent",
    "threshold_seat_percent",
    "threshold_vote_percent",
    "seatless_parties_allowed",
    "min_age",
    "age_reference",
    "independent_percent",
    "independent_spread",
}


@pytest.mark.parametrize("code", ["uu10-2016-pkpu8-2024", "pkpu10-2024"])
def test_shipped_rule_set_loads_with_the_tagged_parameter_keys(code):
    raw = shipped_rule_sets()[code]
    data = RuleSetData.from_dict(raw)
    assert KB_KEYS <= set(raw["parameters"])
    assert data.legal_basis and data.effective_date


def test_pkpu10_takes_effect_25_august_2024_and_supersedes_the_first_text():
    sets = shipped_rule_sets()
    assert sets["pkpu10-2024"]["effective_date"] == "2024-08-25"
    assert sets["uu10-2016-pkpu8-2024"]["superseded_by"] == "pkpu10-2024"
    assert sets["pkpu10-2024"]["parameters"]["age_reference"]["date"] == "2024-09-22"
    assert sets["uu10-2016-pkpu8-2024"]["parameters"]["age_reference"]["uncertain"] is True


def test_the_august_2024_change_touches_threshold_seats_and_age():
    sets = shipped_rule_sets()
    keys = changed_parameters(
        sets["uu10-2016-pkpu8-2024"]["parameters"], sets["pkpu10-2024"]["parameters"]
    )
    assert {"threshold_percent", "seatless_parties_allowed", "age_reference"} <= set(keys)
    assert "independent_percent" not in keys


@pytest.mark.parametrize(
    ("path", "value", "message", "shown"),
    [
        (
            ("threshold_percent", "kabupaten_kota", 1, "upper"),
            100,
            "upper bounds must rise",
            "threshold_percent.kabupaten_kota[1].upper: batas atas harus naik.",
        ),
        (
            ("threshold_percent", "provinsi", 0, "percent"),
            "sepuluh",
            "not a number",
            "threshold_percent.provinsi[0].percent: bukan angka.",
        ),
        (
            ("age_reference", "date"),
            "22-09-2024",
            "YYYY-MM-DD",
            "age_reference.date: tanggal harus berformat YYYY-MM-DD.",
        ),
        (("threshold_mode",), "lottery", "threshold_mode", "pilih vote_bands atau"),
    ],
)
def test_broken_parameters_are_refused_with_the_key_named(path, value, message, shown):
    raw = json.loads(json.dumps(shipped_rule_sets()["pkpu10-2024"]))
    node = raw["parameters"]
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    with pytest.raises(RuleSetError, match=message) as refused:
        RuleSetData.from_dict(raw)
    # shown to the coordinator in the desk's language (English msgid, Indonesian catalogue)
    assert shown in shown_error(refused.value)
