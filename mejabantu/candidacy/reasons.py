"""Render verdict reasons (a code with parameters) as sentences in the reader's language.

The pure rules (``rules/``) give a :class:`~mejabantu.candidacy.rules.base.Reason`; this
module maps each code to its gettext message, so the same verdict reads in Indonesian on
the desk and in English for an English-speaking caller. Verdicts stored before reasons
had codes carry only their text; that text is shown as it was.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from mejabantu.candidacy.rules.arithmetic import format_number, format_percent
from mejabantu.candidacy.rules.base import Reason, Verdict
from mejabantu.candidacy.rules.params import RuleSetError

MESSAGES = {
    # eligibility (UU 10/2016 Pasal 7 ayat (2))
    "age_reference_unconfirmed": _("Note: this age reference point is not yet confirmed."),
    "age_no_birth_date": _(
        "The date of birth is not filled in. The minimum age is %(minimum)s years, counted on "
        "%(event)s (%(date)s)."
    ),
    "age_met": _(
        "On %(event)s (%(date)s) the candidate is %(age)s years old; the minimum age for "
        "%(position)s is %(minimum)s years — met."
    ),
    "age_not_met": _(
        "On %(event)s (%(date)s) the candidate is %(age)s years old; the minimum age for "
        "%(position)s is %(minimum)s years — not yet old enough."
    ),
    "education_needs_document": _(
        "Education of at least %(minimum)s or equivalent; hand in a legalised copy of the "
        "diploma (the name must match the KTP-el)."
    ),
    "education_unknown_level": _("Unknown education level."),
    "education_met": _(
        "Education %(education)s meets the minimum of %(minimum)s; the legalised diploma is "
        "still handed in at registration."
    ),
    "education_not_met": _(
        "Education %(education)s is below the minimum of %(minimum)s or equivalent."
    ),
    "term_limit_needs_statement": _(
        "Has not served %(max_terms)s terms in the same office; declared in the candidate's "
        "statement."
    ),
    "term_counted_when": _(
        "a term counts once %(years)s years or more have been served, including as acting head"
    ),
    "term_limit_not_met": _(
        "Already %(counted)s terms in the same office (%(rule)s); the limit is %(max_terms)s."
    ),
    "term_limit_met": _(
        "%(counted)s terms counted in the same office (%(rule)s); the limit is %(max_terms)s. "
        "Special cases (acting, then definitive) are best taken to KPU RI."
    ),
    "acting_head_needs_statement": _(
        "The candidate is not an acting governor/regent/mayor; declared in the candidate's "
        "statement."
    ),
    "acting_head_not_met": _("An acting regional head (Pj) may not run while in office."),
    "acting_head_met": _("The candidate is not an acting regional head."),
    "document_required": _("%(requirement)s Proven by: %(document)s (%(issuer)s)."),
    # party and coalition threshold (UU 10/2016 Pasal 40)
    "area_province": _("province"),
    "area_regency_city": _("regency/city"),
    "band_highest": _("highest DPT band"),
    "band_up_to": _("DPT up to %(upper)s"),
    "dpt_band": _("Pemilu DPT %(dpt)s (%(area)s, %(band)s)"),
    "party_backs_other_pair": _(
        "%(parties)s already back another candidate pair. A party may back only one pair; KPU "
        "will ask the party's national board for clarification through KPU RI before the "
        "registration is accepted (%(basis)s)."
    ),
    "seatless_votes_not_counted": _(
        "The votes of %(parties)s are not counted: under this rule only parties holding DPRD "
        "seats may propose a candidate pair."
    ),
    "threshold_need": _(
        "at least %(percent)s %% of the valid votes is needed = %(min_votes)s votes (rounded up)"
    ),
    "coalition_votes": _("combined votes %(votes)s (%(percent)s %%)"),
    "threshold_no_party": _("Choose at least one party; %(need)s."),
    "threshold_bands_met": _("%(band)s: %(need)s; %(have)s — met."),
    "threshold_bands_short": _("%(band)s: %(need)s; %(have)s — %(short)s short."),
    "seat_need_count": _("%(percent)s %% of DPRD seats = %(seats)s seats"),
    "seat_need": _("%(percent)s %% of DPRD seats"),
    "threshold_seats_met": _(
        "Required: %(seat_need)s, or %(need)s. Combined seats %(seats)s, %(have)s — met."
    ),
    "threshold_seats_not_met": _(
        "Required: %(seat_need)s, or %(need)s. Combined seats %(seats)s, %(have)s — not met."
    ),
    "threshold_seats_unknown": _(
        "Required: %(seat_need)s, or %(need)s. Combined seats %(seats)s, %(have)s — not met. "
        "The number of seats is not known yet."
    ),
    "region_data_missing": _("The DPT and vote figures of this region have not been imported yet."),
    # independent support (UU 10/2016 Pasal 41)
    "unit_regency_city": _("regencies/cities"),
    "unit_district": _("districts"),
    "support_need": _(
        "%(percent)s %% of the DPT of %(dpt)s = %(min_supporters)s supporters (rounded up), "
        "spread over at least %(min_sub_regions)s of %(sub_regions)s %(unit)s (more than half)"
    ),
    "support_unknown": _("Support required: %(need)s."),
    "supporters_short": _("%(count)s supporters short"),
    "spread_short": _("spread short by %(count)s %(unit)s"),
    "support_not_met": _("Required: %(need)s; %(short)s."),
    "support_met": _("Required: %(need)s — met."),
    "support_to_prove": _(
        "The support determined must be %(need)s. Proven by the minutes of the support "
        "recapitulation."
    ),
}
DECIMAL_PARAMS = {"percent", "years"}


def _indonesian() -> bool:
    return not (get_language() or "id").startswith("en")


def _shown_date(value: str) -> str:
    """A date of a reason in the reader's long form ("22 September 2024"); stored reasons
    from before carry "22-09-2024"."""
    parts = value.split("-")
    if len(parts) != 3 or not all(p.isdecimal() for p in parts):
        return value
    year, month, day = (parts[0], parts[1], parts[2]) if len(parts[0]) == 4 else parts[::-1]
    try:
        return date_format(date(int(year), int(month), int(day)), "j F Y")
    except ValueError:
        return value


def _param(key: str, value) -> str:
    if key == "date" and isinstance(value, str):
        return _shown_date(value)
    if isinstance(value, Reason | dict):
        return render(value)
    if isinstance(value, list | tuple):
        return ", ".join(_param(key, v) for v in value)
    if isinstance(value, bool) or value is None:
        return str(value or "")
    if isinstance(value, int):
        return format_number(value) if _indonesian() else f"{value:,}"
    if key in DECIMAL_PARAMS:
        return format_percent(value) if _indonesian() else format(Decimal(value).normalize(), "f")
    return shown_text(str(value))


def shown_text(text: str) -> str:
    """Return a text the pure rules name (a document, an issuer, a label: an English msgid)
    in the reader's language; any other text (stored before, or from a rule set) as it is."""
    return gettext(text) if text else ""


def render(reason: Reason | dict | str | None) -> str:
    """Return the sentence of ``reason`` (a Reason, its dict form, or old stored text)."""
    if not reason:
        return ""
    if isinstance(reason, str):
        return reason
    if isinstance(reason, dict):
        reason = Reason(reason.get("code", ""), reason.get("params") or {})
    if reason.code == "join":
        parts = [render(p) for p in reason.params.get("parts", [])]
        return reason.params.get("sep", " ").join(p for p in parts if p)
    message = MESSAGES.get(reason.code)
    if message is None:
        return reason.code
    return str(message) % {k: _param(k, v) for k, v in reason.params.items()}


def shown_error(exc: RuleSetError) -> str:
    """Return why a rule set's data was refused, in the reader's language."""
    return gettext(exc.message) % exc.params if exc.params else gettext(exc.message)


def verdict_data(verdict: Verdict) -> dict:
    """Return a verdict as JSON-ready data: the codes, and the sentences in today's language."""
    data = verdict.as_dict()
    data["document"] = shown_text(verdict.document)
    data["issuer"] = shown_text(verdict.issuer)
    data["reason"] = render(verdict.reason)
    data["warnings"] = [render(w) for w in verdict.warnings]
    return data


def shown_reason(data) -> str:
    """Return the reason of a verdict (object or stored dict) in the reader's language.

    A stored verdict without ``reason_code`` (checked before reasons had codes) shows its text.
    """
    if isinstance(data, Verdict):
        return render(data.reason)
    if data.get("reason_code"):
        return render({"code": data["reason_code"], "params": data.get("reason_params") or {}})
    return data.get("reason", "")


def shown_warnings(data) -> list[str]:
    """Return the warnings of a verdict (object or stored dict) in the reader's language."""
    if isinstance(data, Verdict):
        return [render(w) for w in data.warnings]
    if "warning_reasons" in data:
        return [render(w) for w in data["warning_reasons"]]
    return list(data.get("warnings", []))
