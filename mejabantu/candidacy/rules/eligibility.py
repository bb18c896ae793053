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

from mejabantu.candidacy.rules.base import Reason, Rule, Status, Verdict
from mejabantu.candidacy.rules.params import EDUCATION_LABELS, EDUCATION_ORDER, RuleSetData

POSITION_LABELS = {
    "gubernur": "Gubernur",
    "wakil_gubernur": "Wakil Gubernur",
    "bupati": "Bupati",
    "wakil_bupati": "Wakil Bupati",
    "walikota": "Wali Kota",
    "wakil_walikota": "Wakil Wali Kota",
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
        when = ref.date.strftime("%d-%m-%Y")
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
            document="Fotokopi KTP-el",
            issuer="Dinas Kependudukan dan Pencatatan Sipil",
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
            "document": "Fotokopi ijazah/STTB yang dilegalisasi",
            "issuer": "Sekolah atau instansi yang berwenang",
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
                document="Surat pernyataan calon (Model BB-KWK)",
                issuer="Calon yang bersangkutan",
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
                document="Surat pernyataan calon (Model BB-KWK)",
                issuer="Calon yang bersangkutan",
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


STATEMENT = "Surat pernyataan calon (Model BB-KWK)"
DOCUMENT_REQUIREMENTS = (
    DocumentRequirement(
        code="devotion",
        letter="a",
        requirement="Bertakwa kepada Tuhan Yang Maha Esa.",
        document=STATEMENT,
        issuer="Calon",
    ),
    DocumentRequirement(
        code="loyalty",
        letter="b",
        requirement="Setia kepada Pancasila, UUD 1945, cita-cita Proklamasi dan NKRI.",
        document=STATEMENT,
        issuer="Calon",
    ),
    DocumentRequirement(
        code="health",
        letter="f",
        requirement="Mampu secara jasmani dan rohani serta bebas penyalahgunaan narkotika.",
        document="Surat keterangan hasil pemeriksaan kesehatan",
        issuer="Tim pemeriksa kesehatan di rumah sakit yang ditunjuk KPU (dokter, psikolog, BNN)",
    ),
    DocumentRequirement(
        code="criminal_record",
        letter="g",
        requirement=(
            "Tidak pernah dipidana dengan ancaman 5 tahun atau lebih berdasarkan putusan "
            "berkekuatan hukum tetap; mantan terpidana wajib jeda 5 tahun setelah bebas, "
            "mengumumkan diri secara terbuka, dan bukan pengulangan tindak pidana."
        ),
        document=(
            "Surat keterangan tidak pernah dipidana (bagi mantan terpidana: keterangan "
            "lapas/Bapas, salinan putusan, bukti pengumuman di media, keterangan bukan residivis)"
        ),
        issuer="Pengadilan Negeri di wilayah tempat tinggal calon",
        extra_basis="PKPU 8/2024 Pasal 17",
    ),
    DocumentRequirement(
        code="voting_rights",
        letter="h",
        requirement="Tidak sedang dicabut hak pilihnya berdasarkan putusan pengadilan.",
        document="Surat keterangan tidak sedang dicabut hak pilihnya",
        issuer="Pengadilan Negeri di wilayah tempat tinggal calon",
    ),
    DocumentRequirement(
        code="good_conduct",
        letter="i",
        requirement="Tidak pernah melakukan perbuatan tercela.",
        document="Surat Keterangan Catatan Kepolisian (SKCK)",
        issuer="Polri (Polda untuk calon gubernur, Polres untuk calon bupati/wali kota)",
    ),
    DocumentRequirement(
        code="wealth_report",
        letter="j",
        requirement="Menyerahkan laporan harta kekayaan pribadi.",
        document="Tanda terima LHKPN",
        issuer="Komisi Pemberantasan Korupsi (KPK)",
    ),
    DocumentRequirement(
        code="debt",
        letter="k",
        requirement="Tidak sedang memiliki tanggungan utang yang merugikan keuangan negara.",
        document="Surat keterangan tidak memiliki tanggungan utang",
        issuer="Pengadilan Negeri di wilayah tempat tinggal calon",
    ),
    DocumentRequirement(
        code="bankruptcy",
        letter="l",
        requirement="Tidak sedang dinyatakan pailit berdasarkan putusan pengadilan.",
        document="Surat keterangan tidak sedang dinyatakan pailit",
        issuer="Pengadilan Niaga (atau Pengadilan Tinggi)",
    ),
    DocumentRequirement(
        code="tax",
        letter="m",
        requirement="Memiliki NPWP dan melaporkan pajak pribadi.",
        document=(
            "Fotokopi NPWP, tanda terima SPT Tahunan 5 tahun terakhir, dan surat keterangan "
            "tidak mempunyai tunggakan pajak"
        ),
        issuer="Kantor Pelayanan Pajak (KPP)",
    ),
    DocumentRequirement(
        code="former_head_same_region",
        letter="o",
        requirement=(
            "Calon wakil belum pernah menjabat sebagai kepala daerah (gubernur, bupati atau "
            "wali kota) di daerah yang sama."
        ),
        document=STATEMENT,
        issuer="Calon",
        deputy_only=True,
    ),
    DocumentRequirement(
        code="resign_other_region",
        letter="p",
        requirement=(
            "Kepala/wakil kepala daerah yang mencalonkan diri di daerah lain berhenti dari "
            "jabatannya sejak ditetapkan sebagai calon (bila berlaku)."
        ),
        document="Surat pengunduran diri, tanda terima, dan keterangan sedang diproses",
        issuer="Calon; pejabat yang berwenang",
    ),
    DocumentRequirement(
        code="resign_legislator",
        letter="s",
        requirement=(
            "Anggota DPR/DPD/DPRD (termasuk calon terpilih yang belum dilantik) mengundurkan "
            "diri sejak ditetapkan sebagai pasangan calon (bila berlaku)."
        ),
        document=(
            "Surat pengunduran diri dan tanda terima; bagi calon terpilih: surat pemberitahuan "
            "partai (DPD: surat pernyataan sendiri)"
        ),
        issuer="Calon; pimpinan DPR/DPD/DPRD; partai politik",
        extra_basis="PKPU 8/2024 Pasal 32",
    ),
    DocumentRequirement(
        code="resign_civil_service",
        letter="t",
        requirement=(
            "Anggota TNI, Polri, PNS/ASN dan kepala desa mengundurkan diri sejak ditetapkan "
            "sebagai pasangan calon (bila berlaku)."
        ),
        document=(
            "Surat pengunduran diri, tanda terima, dan keterangan sedang diproses; SK "
            "pemberhentian menyusul"
        ),
        issuer="Calon; pejabat pembina kepegawaian, Panglima TNI atau Kapolri",
    ),
    DocumentRequirement(
        code="resign_soe",
        letter="u",
        requirement=(
            "Berhenti dari jabatan pada BUMN/BUMD sejak ditetapkan sebagai calon (bila berlaku)."
        ),
        document="Surat pengunduran diri dari BUMN/BUMD",
        issuer="Calon; direksi/komisaris yang berwenang",
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
