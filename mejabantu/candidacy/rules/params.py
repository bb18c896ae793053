"""Rule-set parameters as data: read from JSON, validated, typed.

A rule set names its legal basis and the date it takes effect; its ``parameters`` hold
the numbers (bands, percentages, ages, the event the age is counted at). The keys are
stable because the knowledge base tags answers with them: ``threshold_percent``,
``threshold_seat_percent``, ``threshold_vote_percent``, ``seatless_parties_allowed``,
``min_age``, ``age_reference``, ``independent_percent``, ``independent_spread``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from mejabantu.candidacy.rules.base import gettext_noop

PARAMETER_KEYS = (
    "threshold_mode",
    "threshold_percent",
    "threshold_seat_percent",
    "threshold_vote_percent",
    "seatless_parties_allowed",
    "min_age",
    "age_reference",
    "min_education",
    "term_limit",
    "independent_percent",
    "independent_spread",
)

#: Region levels whose contests share a band table ("kabupaten_kota").
LEVEL_GROUP = {"provinsi": "provinsi", "kabupaten": "kabupaten_kota", "kota": "kabupaten_kota"}
POSITIONS = (
    "gubernur",
    "wakil_gubernur",
    "bupati",
    "wakil_bupati",
    "walikota",
    "wakil_walikota",
)
CONTEST_LEVEL = {"gubernur": "provinsi", "bupati": "kabupaten", "walikota": "kota"}
EDUCATION_ORDER = ("sd", "smp", "slta", "d1", "d2", "d3", "d4", "s1", "s2", "s3")
EDUCATION_LABELS = {
    "sd": gettext_noop("Primary school (SD)"),
    "smp": gettext_noop("Junior high school (SLTP/SMP)"),
    "slta": gettext_noop("Senior high school (SLTA/SMA/SMK)"),
    "d1": gettext_noop("Diploma I (D-I)"),
    "d2": gettext_noop("Diploma II (D-II)"),
    "d3": gettext_noop("Diploma III (D-III)"),
    "d4": gettext_noop("Diploma IV (D-IV)"),
    "s1": gettext_noop("Bachelor's degree (S-1)"),
    "s2": gettext_noop("Master's degree (S-2)"),
    "s3": gettext_noop("Doctorate (S-3)"),
}
DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "rulesets"


class RuleSetError(ValueError):
    """A rule set's data is incomplete or inconsistent; the message says which key.

    ``message`` is an English msgid with ``%(name)s`` parameters: ``str()`` gives it in
    English, ``reasons.shown_error`` in the reader's language.
    """

    def __init__(self, message: str, **params: object) -> None:
        self.message = message
        self.params = params
        super().__init__(message % params if params else message)


@dataclass(frozen=True)
class Band:
    """One band of a DPT table: applies when DPT ≤ ``upper`` (None = no upper bound)."""

    upper: int | None
    percent: Decimal


def _bands(raw, key: str) -> dict[str, tuple[Band, ...]]:
    if not isinstance(raw, dict):
        raise RuleSetError(
            gettext_noop("%(key)s: must be a table per level (provinsi, kabupaten_kota)."), key=key
        )
    result = {}
    for group in ("provinsi", "kabupaten_kota"):
        rows = raw.get(group)
        if not rows:
            raise RuleSetError(
                gettext_noop("%(at)s: the DPT band table is empty."), at=f"{key}.{group}"
            )
        bands = []
        previous = -1
        for i, row in enumerate(rows):
            upper = row.get("upper")
            try:
                percent = Decimal(str(row["percent"]))
            except (KeyError, InvalidOperation) as exc:
                raise RuleSetError(
                    gettext_noop("%(at)s: not a number."), at=f"{key}.{group}[{i}].percent"
                ) from exc
            if not (Decimal(0) < percent <= Decimal(100)):
                raise RuleSetError(
                    gettext_noop("%(at)s: must be between 0 and 100."),
                    at=f"{key}.{group}[{i}].percent",
                )
            if upper is not None:
                if not isinstance(upper, int) or upper <= previous:
                    raise RuleSetError(
                        gettext_noop("%(at)s: the upper bounds must rise."),
                        at=f"{key}.{group}[{i}].upper",
                    )
                previous = upper
            elif i != len(rows) - 1:
                raise RuleSetError(
                    gettext_noop("%(at)s: only the last band has no upper bound."),
                    at=f"{key}.{group}[{i}].upper",
                )
            bands.append(Band(upper=upper, percent=percent))
        if bands[-1].upper is not None:
            raise RuleSetError(
                gettext_noop("%(at)s: the last band must have no upper bound."), at=f"{key}.{group}"
            )
        result[group] = tuple(bands)
    return result


def band_for(bands: tuple[Band, ...], dpt: int) -> Band:
    """Return the band whose inclusive upper bound first holds ``dpt``."""
    for band in bands:
        if band.upper is None or dpt <= band.upper:
            return band
    return bands[-1]


@dataclass(frozen=True)
class AgeReference:
    event: str  # "penetapan" | "pelantikan" | "pendaftaran"
    date: dt.date
    uncertain: bool = False
    note: str = ""

    @property
    def event_label(self) -> str:
        return {
            "penetapan": gettext_noop("determination of the candidate pairs"),
            "pelantikan": gettext_noop("swearing-in of the elected pair"),
            "pendaftaran": gettext_noop("registration of the candidate pairs"),
        }.get(self.event, self.event)


@dataclass(frozen=True)
class TermLimit:
    max_terms: int = 2
    min_months_counted: int = 30
    acting_counts: bool = True


@dataclass(frozen=True)
class Params:
    """The typed parameters of one rule set."""

    threshold_mode: str  # "vote_bands" (after MK 60) or "seats_or_votes" (before)
    threshold_percent: dict[str, tuple[Band, ...]] | None
    threshold_seat_percent: Decimal | None
    threshold_vote_percent: Decimal | None
    seatless_parties_allowed: bool
    min_age: dict[str, int]
    age_reference: AgeReference
    min_education: str
    term_limit: TermLimit
    independent_percent: dict[str, tuple[Band, ...]]
    independent_spread: str  # "more_than_half"
    raw: dict = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def from_dict(cls, raw: dict) -> Params:
        mode = raw.get("threshold_mode")
        if mode not in ("vote_bands", "seats_or_votes"):
            raise RuleSetError(gettext_noop("threshold_mode: choose vote_bands or seats_or_votes."))
        threshold_percent = None
        seat_pct = vote_pct = None
        if mode == "vote_bands":
            threshold_percent = _bands(raw.get("threshold_percent"), "threshold_percent")
        else:
            try:
                seat_pct = Decimal(str(raw["threshold_seat_percent"]))
                vote_pct = Decimal(str(raw["threshold_vote_percent"]))
            except (KeyError, InvalidOperation) as exc:
                raise RuleSetError(
                    gettext_noop(
                        "threshold_seat_percent/threshold_vote_percent: numbers are required."
                    )
                ) from exc
        min_age = raw.get("min_age") or {}
        missing = [p for p in POSITIONS if not isinstance(min_age.get(p), int)]
        if missing:
            raise RuleSetError(
                gettext_noop("min_age: the minimum age is missing for %(positions)s."),
                positions=", ".join(missing),
            )
        ref = raw.get("age_reference") or {}
        try:
            ref_date = dt.date.fromisoformat(ref["date"])
        except (KeyError, TypeError, ValueError) as exc:
            raise RuleSetError(
                gettext_noop("age_reference.date: the date must be YYYY-MM-DD.")
            ) from exc
        term = raw.get("term_limit") or {}
        education = raw.get("min_education", "slta")
        if education not in EDUCATION_ORDER:
            raise RuleSetError(gettext_noop("min_education: unknown level."))
        spread = raw.get("independent_spread", "more_than_half")
        if spread != "more_than_half":
            raise RuleSetError(gettext_noop("independent_spread: only more_than_half is known."))
        return cls(
            threshold_mode=mode,
            threshold_percent=threshold_percent,
            threshold_seat_percent=seat_pct,
            threshold_vote_percent=vote_pct,
            seatless_parties_allowed=bool(raw.get("seatless_parties_allowed", False)),
            min_age={p: int(min_age[p]) for p in POSITIONS},
            age_reference=AgeReference(
                event=ref.get("event", "penetapan"),
                date=ref_date,
                uncertain=bool(ref.get("uncertain", False)),
                note=ref.get("note", ""),
            ),
            min_education=education,
            term_limit=TermLimit(
                max_terms=int(term.get("max_terms", 2)),
                min_months_counted=int(term.get("min_months_counted", 30)),
                acting_counts=bool(term.get("acting_counts", True)),
            ),
            independent_percent=_bands(raw.get("independent_percent"), "independent_percent"),
            independent_spread=spread,
            raw=raw,
        )


@dataclass(frozen=True)
class RuleSetData:
    """A rule set as shipped or stored: identity, legal basis, dates and parameters."""

    code: str
    name: str
    legal_basis: str
    effective_date: dt.date
    superseded_by: str | None
    params: Params
    articles: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    source: str = ""

    def article(self, key: str, default: str = "") -> str:
        """Return the article text for ``key`` (e.g. "threshold"), else the rule set's basis."""
        return self.articles.get(key) or default or self.legal_basis

    @classmethod
    def from_dict(cls, raw: dict) -> RuleSetData:
        for key in ("code", "name", "legal_basis", "effective_date", "parameters"):
            if key not in raw:
                raise RuleSetError(gettext_noop("%(key)s: required in a rule set."), key=key)
        try:
            effective = dt.date.fromisoformat(raw["effective_date"])
        except (TypeError, ValueError) as exc:
            raise RuleSetError(
                gettext_noop("effective_date: the date must be YYYY-MM-DD.")
            ) from exc
        return cls(
            code=raw["code"],
            name=raw["name"],
            legal_basis=raw["legal_basis"],
            effective_date=effective,
            superseded_by=raw.get("superseded_by"),
            params=Params.from_dict(raw["parameters"]),
            articles=dict(raw.get("articles") or {}),
            source=raw.get("source", ""),
        )


def shipped_rule_sets() -> dict[str, dict]:
    """Return the raw JSON of the rule sets shipped under data/rulesets, by code."""
    found = {}
    for path in sorted(DATA_DIR.glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        found[raw["code"]] = raw
    return found


def load_shipped(code: str) -> RuleSetData:
    """Return a shipped rule set by code (KeyError when there is none)."""
    return RuleSetData.from_dict(shipped_rule_sets()[code])


def changed_parameters(old: dict, new: dict) -> list[str]:
    """Return the parameter keys whose values differ between two raw parameter dicts."""
    keys = sorted(set(old) | set(new))
    return [k for k in keys if old.get(k) != new.get(k)]
