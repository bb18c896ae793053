"""Registration document checklist by route and role (UU 10/2016 Pasal 45; PKPU 8/2024
Pasal 13 and 20).

Form names of PKPU 8/2024 (e.g. "Model BB.PERNYATAAN.CALON.KWK") were seen in only two
regional sources, so the checklist names documents by what they are and flags form ids as
unconfirmed.
"""

from __future__ import annotations

from dataclasses import dataclass

from mejabantu.candidacy.rules.eligibility import DOCUMENT_REQUIREMENTS, STATEMENT

ROUTES = ("party", "independent")
ROLES = ("head", "deputy", "pair")


@dataclass(frozen=True)
class ChecklistItem:
    code: str
    document: str
    issuer: str
    legal_basis: str
    role: str  # head | deputy | pair
    conditional: bool = False


PAIR_PARTY = (
    ChecklistItem(
        "party_national_board_decree",
        "Fotokopi keputusan pimpinan pusat partai tentang kepengurusan pusat, yang disahkan "
        "Menteri Hukum dan HAM",
        "Pimpinan pusat partai; Kementerian Hukum dan HAM",
        "PKPU 8/2024 Pasal 13",
        "pair",
    ),
    ChecklistItem(
        "party_local_board_decree",
        "Fotokopi keputusan pimpinan pusat partai tentang kepengurusan partai di daerah",
        "Pimpinan pusat partai",
        "PKPU 8/2024 Pasal 13",
        "pair",
    ),
    ChecklistItem(
        "party_pair_approval",
        "Persetujuan pimpinan pusat partai atas pasangan calon (dahulu Model B.1-KWK Parpol)",
        "Pimpinan pusat partai (DPP)",
        "PKPU 8/2024 Pasal 13",
        "pair",
    ),
    ChecklistItem(
        "party_nomination_form",
        "Surat pencalonan dan kesepakatan partai/gabungan partai, ditandatangani ketua dan "
        "sekretaris setiap partai pengusul (termasuk kesepakatan tidak menarik dukungan)",
        "Pimpinan partai pengusul di daerah",
        "UU 10/2016 Pasal 43; PKPU 8/2024 Pasal 13 dan Pasal 100",
        "pair",
    ),
)
PAIR_INDEPENDENT = (
    ChecklistItem(
        "independent_support_decision",
        "Berita acara hasil rekapitulasi dukungan yang memenuhi syarat (penetapan 19 Agustus 2024)",
        "KPU setempat",
        "UU 10/2016 Pasal 41; Keputusan KPU 532/2024",
        "pair",
    ),
    ChecklistItem(
        "independent_nomination_letter",
        "Surat pencalonan pasangan calon perseorangan",
        "Pasangan calon",
        "PKPU 8/2024",
        "pair",
    ),
)
PAIR_COMMON = (
    ChecklistItem(
        "vision_mission",
        "Naskah visi, misi dan program yang selaras dengan RPJPD",
        "Pasangan calon (dan partai pengusul)",
        "UU 10/2016 Pasal 45",
        "pair",
    ),
)
CANDIDATE_COMMON = (
    ChecklistItem(
        "identity",
        "Fotokopi KTP-el, daftar riwayat hidup dan pas foto terbaru",
        "Dinas Kependudukan dan Pencatatan Sipil; calon",
        "UU 10/2016 Pasal 45",
        "head",
    ),
    ChecklistItem(
        "candidate_statement",
        "Surat pernyataan calon (Model BB-KWK; nama formulir PKPU 8/2024 belum terkonfirmasi)",
        "Calon",
        "PKPU 8/2024 Pasal 20 ayat (2) huruf a",
        "head",
    ),
    ChecklistItem(
        "diploma",
        "Fotokopi ijazah/STTB SLTA atau lebih tinggi yang dilegalisasi",
        "Sekolah atau instansi yang berwenang",
        "UU 10/2016 Pasal 7 ayat (2) huruf c",
        "head",
    ),
)
CONDITIONAL_CODES = {
    "resign_other_region",
    "resign_legislator",
    "resign_civil_service",
    "resign_soe",
}


def checklist(route: str, role: str) -> list[ChecklistItem]:
    """Return the documents for ``route`` (party or independent) and ``role``.

    Requirements proven by the candidate's own statement share one item, the statement.

    ``role`` is ``head`` or ``deputy`` for one candidate's own documents, or ``pair`` for
    the documents the pair (and its proposers) hand in once.
    """
    if route not in ROUTES:
        raise ValueError(f"route: {route!r} tidak dikenal (party atau independent).")
    if role not in ROLES:
        raise ValueError(f"role: {role!r} tidak dikenal (head, deputy atau pair).")
    if role == "pair":
        return list((PAIR_PARTY if route == "party" else PAIR_INDEPENDENT) + PAIR_COMMON)
    items = []
    for item in CANDIDATE_COMMON:
        document = item.document
        if item.code == "candidate_statement" and role == "deputy":
            document += (
                ", termasuk pernyataan belum pernah menjabat gubernur, bupati atau wali kota "
                "di daerah yang sama"
            )
        items.append(ChecklistItem(item.code, document, item.issuer, item.legal_basis, role))
    for req in DOCUMENT_REQUIREMENTS:
        if req.document == STATEMENT:
            continue  # covered by the candidate's statement above
        items.append(
            ChecklistItem(
                req.code,
                req.document,
                req.issuer,
                req.legal_basis,
                role,
                conditional=req.code in CONDITIONAL_CODES,
            )
        )
    return items


def full_checklist(route: str) -> list[ChecklistItem]:
    """Return every document a pair brings: the pair's, the head's and the deputy's."""
    return checklist(route, "pair") + checklist(route, "head") + checklist(route, "deputy")
