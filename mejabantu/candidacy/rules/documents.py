"""Registration document checklist by route and role (UU 10/2016 Pasal 45; PKPU 8/2024
Pasal 13 and 20).

Form names of PKPU 8/2024 (e.g. "Model BB.PERNYATAAN.CALON.KWK") were seen in only two
regional sources, so the checklist names documents by what they are and flags form ids as
unconfirmed.
"""

from __future__ import annotations

from dataclasses import dataclass

from mejabantu.candidacy.rules.base import gettext_noop
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
        gettext_noop(
            "Photocopy of the party's national leadership decree on its national board, ratified "
            "by the Minister of Law and Human Rights"
        ),
        gettext_noop("The party's national leadership; the Ministry of Law and Human Rights"),
        "PKPU 8/2024 Pasal 13",
        "pair",
    ),
    ChecklistItem(
        "party_local_board_decree",
        gettext_noop("Photocopy of the party's national leadership decree on its regional board"),
        gettext_noop("The party's national leadership"),
        "PKPU 8/2024 Pasal 13",
        "pair",
    ),
    ChecklistItem(
        "party_pair_approval",
        gettext_noop(
            "Approval of the candidate pair by the party's national leadership (formerly Model "
            "B.1-KWK Parpol)"
        ),
        gettext_noop("The party's national leadership (DPP)"),
        "PKPU 8/2024 Pasal 13",
        "pair",
    ),
    ChecklistItem(
        "party_nomination_form",
        gettext_noop(
            "Nomination letter and agreement of the party or coalition, signed by the chair and "
            "secretary of every proposing party (including the agreement not to withdraw support)"
        ),
        gettext_noop("The regional leadership of the proposing parties"),
        "UU 1/2015 Pasal 43; PKPU 8/2024 Pasal 13 dan Pasal 100",
        "pair",
    ),
)
PAIR_INDEPENDENT = (
    ChecklistItem(
        "independent_support_decision",
        gettext_noop(
            "Minutes of the recapitulation of qualifying support (determined on 19 August 2024)"
        ),
        gettext_noop("The local KPU"),
        "UU 10/2016 Pasal 41; Keputusan KPU 532/2024",
        "pair",
    ),
    ChecklistItem(
        "independent_nomination_letter",
        gettext_noop("Nomination letter of the independent candidate pair"),
        gettext_noop("The candidate pair"),
        "PKPU 8/2024",
        "pair",
    ),
)
PAIR_COMMON = (
    ChecklistItem(
        "vision_mission",
        gettext_noop(
            "Vision, mission and programme in line with the regional long-term development plan "
            "(RPJPD)"
        ),
        gettext_noop("The candidate pair (and the proposing parties)"),
        "UU 10/2016 Pasal 45",
        "pair",
    ),
)
CANDIDATE_COMMON = (
    ChecklistItem(
        "identity",
        gettext_noop("Photocopy of the KTP-el, a curriculum vitae and a recent photograph"),
        gettext_noop("Population and Civil Registration Office; the candidate"),
        "UU 10/2016 Pasal 45",
        "head",
    ),
    ChecklistItem(
        "candidate_statement",
        gettext_noop(
            "Candidate's statement (Model BB-KWK; the PKPU 8/2024 form name is unconfirmed)"
        ),
        gettext_noop("The candidate (self)"),
        "PKPU 8/2024 Pasal 20 ayat (2) huruf a",
        "head",
    ),
    ChecklistItem(
        "diploma",
        gettext_noop(
            "Legalised photocopy of the senior high school diploma (ijazah/STTB SLTA) or higher"
        ),
        gettext_noop("The school or the competent authority"),
        "UU 10/2016 Pasal 7 ayat (2) huruf c",
        "head",
    ),
)
DEPUTY_STATEMENT = gettext_noop(
    "Candidate's statement (Model BB-KWK; the PKPU 8/2024 form name is unconfirmed), including "
    "a statement of never having served as governor, regent or mayor in the same region"
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
        raise ValueError(f"route: {route!r} is unknown (party or independent).")
    if role not in ROLES:
        raise ValueError(f"role: {role!r} is unknown (head, deputy or pair).")
    if role == "pair":
        return list((PAIR_PARTY if route == "party" else PAIR_INDEPENDENT) + PAIR_COMMON)
    items = []
    for item in CANDIDATE_COMMON:
        document = item.document
        if item.code == "candidate_statement" and role == "deputy":
            document = DEPUTY_STATEMENT
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


def checklist_item(code: str, role: str) -> ChecklistItem | None:
    """Return the checklist item of this code and role (either route), or None."""
    return _BY_CODE.get((code, role))


_BY_CODE = {(item.code, item.role): item for route in ROUTES for item in full_checklist(route)}
