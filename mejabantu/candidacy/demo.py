"""Demo candidacy data for Kabupaten Belitung and its province (idempotent).

DPT, Pilkada DPT, seat count and the seats of PDI-P, Gerindra, Golkar and PSI come from the
facts gathered for 2024; the rest of the vote and seat table is illustrative, flagged in
the data and shown as "angka ilustrasi" in the pages. Kecamatan codes 19.02.01–05 are
illustrative too. The three pairs are the 2024 pairs of Belitung (no personal data);
their party line-ups are partly illustrative (see remarks). The rehearsal pair is fictitious.
"""

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from mejabantu.candidacy.importers import import_csv
from mejabantu.candidacy.models import Contest, Party, Registration
from mejabantu.candidacy.services import registration_create, rule_sets_sync_shipped

DATA = Path(__file__).resolve().parent / "data"
WIB = ZoneInfo("Asia/Jakarta")

PAIRS = [
    {
        "head_name": "Djoni Alamsyah Hidayat",
        "deputy_name": "Syamsir",
        "organisation": "nasdem-belitung",
        "parties": ["nasdem", "golkar", "pkb", "pks", "pan"],
        "registered_at": dt.datetime(2024, 8, 28, 10, 15, tzinfo=WIB),
        "remarks": "Susunan partai pengusul pada data demo adalah ilustrasi.",
    },
    {
        "head_name": "Isyak Meirobie",
        "deputy_name": "Masdar Nawawi",
        "organisation": "gerindra-belitung",
        "parties": ["gerindra", "psi", "demokrat"],
        "registered_at": dt.datetime(2024, 8, 29, 9, 30, tzinfo=WIB),
        "remarks": "",
    },
    {
        "head_name": "MZ Hendra Caya",
        "deputy_name": "Sylpana",
        "organisation": "pdip-belitung",
        "parties": ["pdip"],
        "registered_at": dt.datetime(2024, 8, 29, 14, 0, tzinfo=WIB),
        "remarks": "",
    },
]
REHEARSAL = {
    "head_name": "Calon Gladi Satu",
    "deputy_name": "Calon Gladi Dua",
    "organisation": "pkb-belitung",
    "parties": ["hanura", "ppp"],
    "registered_at": dt.datetime(2024, 8, 26, 9, 0, tzinfo=WIB),
    "head_birth_date": dt.date(1999, 9, 22),
    "deputy_birth_date": dt.date(1999, 12, 1),
    "head_education": "s1",
    "deputy_education": "slta",
    "head_terms_served": 0,
    "deputy_terms_served": 0,
    "remarks": "Gladi bersih pendaftaran; calon fiktif. Calon wakil berulang tahun ke-25 "
    "setelah penetapan, sehingga hasilnya berbeda menurut titik hitung usia.",
}


def load_reference_data() -> None:
    """Rule sets, parties, regions, DPT, votes and contests (no registrations)."""
    rule_sets_sync_shipped()
    with open(DATA / "parties-pemilu-2024.csv", encoding="utf-8") as f:
        import_csv(kind="parties", stream=f)
    for kind in ("regions", "dpt", "votes", "contests"):
        with open(DATA / "demo" / f"{kind}.csv", encoding="utf-8") as f:
            import_csv(kind=kind, stream=f)


def load() -> None:
    """Load the demo candidacy data (idempotent)."""
    from mejabantu.accounts.models import Organisation, User

    load_reference_data()
    contest = Contest.objects.get(region__code="19.02", kind="bupati")
    officer = User.objects.filter(username="petugas1").first()
    for pair in [*PAIRS, REHEARSAL]:
        if Registration.objects.filter(contest=contest, head_name=pair["head_name"]).exists():
            continue
        data = dict(pair)
        org = Organisation.objects.filter(code=data.pop("organisation")).first()
        parties = list(Party.objects.filter(code__in=data.pop("parties")))
        registration_create(
            user=officer,
            contest=contest,
            route=Registration.Route.PARTY,
            organisation=org,
            parties=parties,
            is_rehearsal=pair is REHEARSAL,
            **data,
        )
