"""Candidate eligibility (UU 10/2016 Pasal 7 ayat (2); PKPU 8/2024 Pasal 14, 15, 19).

``age``, ``education``, ``term_limit`` and ``acting_head`` are decided from the data given;
every other personal requirement becomes a ``needs_document`` verdict naming the document
and the body that issues it. Letters e, g, i, q, s and t of Pasal 7(2) are confirmed by
sources that cite them; the other letter labels are a reconstruction (see the facts file),
so those verdicts carry ``uncertain``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from mejabantu.candidacy.rules.base import Reason, Rule, Status, Verdict, gettext_noop
from mejabantu.candidacy.rules.params import EDUCATION_LABELS, EDUCATION_ORDER, RuleSetData

POSITION_LABELS = {
    "gubernur": gettext_noop("Governor"),
    "wakil_gubernur": gettext_noop("Deputy Governor"),
    "bupati": gettext_noop("Regent"),
    "wakil_bupati": gettext_noop("Deputy Regent"),
    "walikota": gettext_noop("Mayor"),
    "wakil_walikota": gettext_noop("Deputy Mayor"),
}
CONFIRMED_LETTERS = {"e", "g", "i", "q", "s", "t"}


@dataclass(frozen=True)
class ServicePeriod:
    """A period in the same office the candidate seeks (definitive or acting)."""

    start: dt.date
    end: dt.date | None = None
    acting: bool = False


@dataclass(frozen=True)
class Candidate:
    """What the desk knows about one candidate; anything missing stays ``None``."""

    position: str
    birth_date: dt.date | None = None
    education: str | None = None
    terms_served: int | None = None
    service_periods: tuple[ServicePeriod, ...] = field(default_factory=tuple)
    is_acting_head: bool | None = None


def age_on(birth: dt.date, on: dt.date) -> int:
    """Return the age in whole years on ``on``; the birthday itself counts.

    Someone born on 29 February turns a year older on 1 March in a common year.
    """
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def months_between(start: dt.date, end: dt.date) -> int:
    """Return the whole months from ``start`` to ``end`` (a month completes on the same day)."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day:
        months -= 1
    return max(months, 0)


def _basis(letter: str, extra: str = "") -> str:
    text = f"UU 10/2016 Pasal 7 ayat (2) huruf {letter}"
    return f"{text}; {extra}" if extra else text


class AgeRule(Rule):
    code = "age"

    def __init__(self, rule_set: RuleSetData):
        self.rule_set = rule_set
        self.legal_basis = rule_set.article("age", _basis("e"))

    def check(self, candidate: Candidate) -> Verdict:
        """Compare the age at the rule set's reference event with the minimum for the office."""
        params = self.rule_set.params
        minimum = params.min_age[candidate.position]
        ref = params.age_reference
        when = ref.date.isoformat()  # shown as "22 September 2024" (reasons.py)
        note = Reason.join(Reason("age_reference_unconfirmed"), ref.note) if ref.uncertain else None
        if candidate.birth_date is None:
            return self.verdict(
                Status.UNKNOWN,
                Reason.join(
                    Reason(
                        "age_no_birth_date",
                        {"minimum": minimum, "event": ref.event_label, "date": when},
                    ),
                    note,
                ),
                uncertain=ref.uncertain,
            )
        age = age_on(candidate.birth_date, ref.date)
        met = age >= minimum
        reason = Reason(
            "age_met" if met else "age_not_met",
            {
                "event": ref.event_label,
                "date": when,
                "age": age,
                "position": POSITION_LABELS[candidate.position],
                "minimum": minimum,
            },
        )
        return self.verdict(
            Status.MET if met else Status.NOT_MET,
            Reason.join(reason, note),
            document=gettext_noop("Photocopy of the electronic ID card (KTP-el)"),
            issuer=gettext_noop("Population and Civil Registration Office (Dukcapil)"),
            uncertain=ref.uncertain,
        )


class EducationRule(Rule):
    code = "education"

    def __init__(self, rule_set: RuleSetData):
        self.rule_set = rule_set
        self.legal_basis = rule_set.article("education", _basis("c"))

    def check(self, candidate: Candidate) -> Verdict:
        """Require at least the rule set's education level (SLTA or equivalent)."""
        minimum = self.rule_set.params.min_education
        doc = {
            "document": gettext_noop("Legalised photocopy of the diploma (ijazah/STTB)"),
            "issuer": gettext_noop("The school or the competent authority"),
            "uncertain": True,
        }
        label = EDUCATION_LABELS[minimum]
        if candidate.education is None:
            return self.verdict(
                Status.NEEDS_DOCUMENT,
                Reason("education_needs_document", {"minimum": label}),
                **doc,
            )
        if candidate.education not in EDUCATION_ORDER:
            return self.verdict(Status.UNKNOWN, Reason("education_unknown_level"), **doc)
        met = EDUCATION_ORDER.index(candidate.education) >= EDUCATION_ORDER.index(minimum)
        if met:
            return self.verdict(
                Status.MET,
                Reason(
                    "education_met",
                    {"education": EDUCATION_LABELS[candidate.education], "minimum": label},
                ),
                **doc,
            )
        return self.verdict(
            Status.NOT_MET,
            Reason(
                "education_not_met",
                {"education": EDUCATION_LABELS[candidate.education], "minimum": label},
            ),
            **doc,
        )


class TermLimitRule(Rule):
    code = "term_limit"

    def __init__(self, rule_set: RuleSetData):
        self.rule_set = rule_set
        self.legal_basis = rule_set.article(
            "term_limit", _basis("n", "PKPU 8/2024 Pasal 19; Putusan MK 2/PUU-XXI/2023")
        )

    def counted_terms(self, candidate: Candidate) -> int:
        """Return the terms that count: declared full terms plus periods of ≥ 2.5 years."""
        limit = self.rule_set.params.term_limit
        ref = self.rule_set.params.age_reference.date
        counted = candidate.terms_served or 0
        for period in candidate.service_periods:
            if period.acting and not limit.acting_counts:
                continue
            if months_between(period.start, period.end or ref) >= limit.min_months_counted:
                counted += 1
        return counted

    def check(self, candidate: Candidate) -> Verdict:
        """Refuse a third term in the same office; acting service counts like definitive."""
        limit = self.rule_set.params.term_limit
        if candidate.terms_served is None and not candidate.service_periods:
            return self.verdict(
                Status.NEEDS_DOCUMENT,
                Reason("term_limit_needs_statement", {"max_terms": limit.max_terms}),
                document=STATEMENT,
                issuer=gettext_noop("The candidate"),
            )
        counted = self.counted_terms(candidate)
        years = format(limit.min_months_counted / 12, "g")
        params = {
            "counted": counted,
            "rule": Reason("term_counted_when", {"years": years}),
            "max_terms": limit.max_terms,
        }
        if counted >= limit.max_terms:
            return self.verdict(Status.NOT_MET, Reason("term_limit_not_met", params))
        return self.verdict(Status.MET, Reason("term_limit_met", params))


class ActingHeadRule(Rule):
    code = "acting_head"
    legal_basis = _basis("q")

    def check(self, candidate: Candidate) -> Verdict:
        """An acting head (penjabat) may not run."""
        if candidate.is_acting_head is None:
            return self.verdict(
                Status.NEEDS_DOCUMENT,
                Reason("acting_head_needs_statement"),
                document=STATEMENT,
                issuer=gettext_noop("The candidate"),
            )
        if candidate.is_acting_head:
            return self.verdict(Status.NOT_MET, Reason("acting_head_not_met"))
        return self.verdict(Status.MET, Reason("acting_head_met"))


@dataclass(frozen=True)
class DocumentRequirement(Rule):
    """A requirement proven only by a document: always ``needs_document`` at the desk."""

    code: str = ""
    letter: str = ""
    requirement: str = ""
    document: str = ""
    issuer: str = ""
    deputy_only: bool = False
    extra_basis: str = ""

    @property
    def legal_basis(self) -> str:  # type: ignore[override]
        return _basis(self.letter, self.extra_basis)

    def check(self, candidate: Candidate) -> Verdict:
        """Name the document, who issues it and what it proves."""
        return self.verdict(
            Status.NEEDS_DOCUMENT,
            Reason(
                "document_required",
                {"requirement": self.requirement, "document": self.document, "issuer": self.issuer},
            ),
            document=self.document,
            issuer=self.issuer,
            uncertain=self.letter not in CONFIRMED_LETTERS,
        )


STATEMENT = gettext_noop("Candidate's statement (Model BB-KWK)")
DOCUMENT_REQUIREMENTS = (
    DocumentRequirement(
        code="devotion",
        letter="a",
        requirement=gettext_noop("Devoted to God Almighty."),
        document=STATEMENT,
        issuer=gettext_noop("The candidate (self)"),
    ),
    DocumentRequirement(
        code="loyalty",
        letter="b",
        requirement=gettext_noop(
            "Loyal to Pancasila, the 1945 Constitution, the ideals of the Proclamation and the "
            "Unitary State of the Republic of Indonesia."
        ),
        document=STATEMENT,
        issuer=gettext_noop("The candidate (self)"),
    ),
    DocumentRequirement(
        code="health",
        letter="f",
        requirement=gettext_noop("Physically and mentally able, and free of narcotics abuse."),
        document=gettext_noop("Certificate of the health examination"),
        issuer=gettext_noop(
            "The health examination team at the hospital appointed by the KPU (doctors, "
            "psychologists, BNN)"
        ),
    ),
    DocumentRequirement(
        code="criminal_record",
        letter="g",
        requirement=gettext_noop(
            "Never sentenced to prison, by a final court decision, for a crime punishable by 5 "
            "years or more, except a crime of negligence (kealpaan) or a political crime; a "
            "former convict must have finished the prison sentence 5 years before, have "
            "announced the conviction honestly to the public, and not be a repeat offender."
        ),
        document=gettext_noop(
            "Certificate of no criminal conviction; a former convict brings instead a "
            "certificate that the sentence was served, a copy of the final judgment, the "
            "chief editor's letter with proof of the public announcement, and a statement of "
            "not being a repeat offender"
        ),
        issuer=gettext_noop(
            "The district court where the candidate lives; for a former convict: the prison, "
            "detention centre or Bapas (sentence served), the court that judged the case "
            "(judgment), the chief editor of the medium that carried the announcement (letter), "
            "the candidate (statement)"
        ),
        extra_basis="PKPU 8/2024 Pasal 17",
    ),
    DocumentRequirement(
        code="voting_rights",
        letter="h",
        requirement=gettext_noop("Not deprived of the right to vote by a court decision."),
        document=gettext_noop("Certificate of not being deprived of the right to vote"),
        issuer=gettext_noop("The district court where the candidate lives"),
    ),
    DocumentRequirement(
        code="good_conduct",
        letter="i",
        requirement=gettext_noop("Never committed a disgraceful act."),
        document=gettext_noop("Police record certificate (SKCK)"),
        issuer=gettext_noop(
            "The national police (Polri): Polda for governor candidates, Polres for regent or "
            "mayor candidates"
        ),
    ),
    DocumentRequirement(
        code="wealth_report",
        letter="j",
        requirement=gettext_noop("Has handed in a report of personal wealth."),
        document=gettext_noop("Receipt of the wealth report (LHKPN)"),
        issuer=gettext_noop("Corruption Eradication Commission (KPK)"),
    ),
    DocumentRequirement(
        code="debt",
        letter="k",
        requirement=gettext_noop("Has no debt that harms the state's finances."),
        document=gettext_noop("Certificate of having no such debt"),
        issuer=gettext_noop("The district court where the candidate lives"),
    ),
    DocumentRequirement(
        code="bankruptcy",
        letter="l",
        requirement=gettext_noop("Not declared bankrupt by a court decision."),
        document=gettext_noop("Certificate of not being declared bankrupt"),
        issuer=gettext_noop("The commercial court (or the high court)"),
    ),
    DocumentRequirement(
        code="tax",
        letter="m",
        requirement=gettext_noop("Has a tax number (NPWP) and files personal tax returns."),
        document=gettext_noop(
            "Photocopy of the NPWP, receipts of the annual tax returns (SPT) of the last 5 years, "
            "and a certificate of no tax arrears"
        ),
        issuer=gettext_noop("The tax office (KPP)"),
    ),
    DocumentRequirement(
        code="former_head_same_region",
        letter="o",
        requirement=gettext_noop(
            "The deputy candidate has never served as regional head (governor, regent or mayor) in"
            " the same region."
        ),
        document=STATEMENT,
        issuer=gettext_noop("The candidate (self)"),
        deputy_only=True,
    ),
    DocumentRequirement(
        code="resign_other_region",
        letter="p",
        requirement=gettext_noop(
            "A regional head or deputy running in another region leaves office from being "
            "determined as a candidate (where relevant)."
        ),
        document=gettext_noop(
            "Letter of resignation, its receipt, and a statement that it is being processed"
        ),
        issuer=gettext_noop("The candidate; the competent official"),
    ),
    DocumentRequirement(
        code="resign_legislator",
        letter="s",
        requirement=gettext_noop(
            "Members of the DPR, DPD or DPRD (including those elected but not yet sworn in) resign"
            " from being determined as a candidate pair (where relevant)."
        ),
        document=gettext_noop(
            "Letter of resignation and its receipt; for those elected: the party's notification "
            "letter (DPD: their own statement)"
        ),
        issuer=gettext_noop(
            "The candidate; the leadership of the DPR, DPD or DPRD; the political party"
        ),
        extra_basis="PKPU 8/2024 Pasal 32",
    ),
    DocumentRequirement(
        code="resign_civil_service",
        letter="t",
        requirement=gettext_noop(
            "Members of the armed forces (TNI) or police (Polri), civil servants (PNS/ASN) and "
            "village heads resign from being determined as a candidate pair (where relevant)."
        ),
        document=gettext_noop(
            "Letter of resignation, its receipt, and a statement that it is being processed; the "
            "discharge decree follows"
        ),
        issuer=gettext_noop(
            "The candidate; the civil service supervisor, the TNI Commander or the Chief of Police"
        ),
    ),
    DocumentRequirement(
        code="resign_soe",
        letter="u",
        requirement=gettext_noop(
            "Leaves any post at a state- or region-owned enterprise (BUMN/BUMD) from being "
            "determined as a candidate (where relevant)."
        ),
        document=gettext_noop("Letter of resignation from the BUMN/BUMD"),
        issuer=gettext_noop("The candidate; the competent board of directors or commissioners"),
    ),
)


def eligibility_rules(rule_set: RuleSetData) -> list:
    """Return the rules that decide a candidate's eligibility under ``rule_set``."""
    return [
        AgeRule(rule_set),
        EducationRule(rule_set),
        TermLimitRule(rule_set),
        ActingHeadRule(),
        *DOCUMENT_REQUIREMENTS,
    ]


def check_candidate(rule_set: RuleSetData, candidate: Candidate) -> list[Verdict]:
    """Run every eligibility rule for ``candidate``; deputy-only items only for deputies."""
    deputy = candidate.position.startswith("wakil_")
    verdicts = []
    for rule in eligibility_rules(rule_set):
        if getattr(rule, "deputy_only", False) and not deputy:
            continue
        verdicts.append(rule.check(candidate))
    return verdicts
