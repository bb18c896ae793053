"""Demo organisations and accounts for KPU Kabupaten Belitung (password: mejabantu-demo)."""

from django.conf import settings

from mejabantu.accounts.models import Organisation, User
from mejabantu.offices.models import Office

# National parties of Pemilu 2024 with branches in Belitung (names as the parties use them).
PARTY_BRANCHES = [
    ("pdip", "DPC PDI Perjuangan Kabupaten Belitung"),
    ("gerindra", "DPC Partai Gerindra Kabupaten Belitung"),
    ("golkar", "DPD Partai Golkar Kabupaten Belitung"),
    ("nasdem", "DPD Partai NasDem Kabupaten Belitung"),
    ("pkb", "DPC Partai Kebangkitan Bangsa Kabupaten Belitung"),
    ("pks", "DPD Partai Keadilan Sejahtera Kabupaten Belitung"),
    ("pan", "DPD Partai Amanat Nasional Kabupaten Belitung"),
    ("demokrat", "DPC Partai Demokrat Kabupaten Belitung"),
    ("psi", "DPD Partai Solidaritas Indonesia Kabupaten Belitung"),
    ("ppp", "DPC Partai Persatuan Pembangunan Kabupaten Belitung"),
    ("hanura", "DPC Partai Hanura Kabupaten Belitung"),
    ("perindo", "DPD Partai Perindo Kabupaten Belitung"),
    ("buruh", "Exco Partai Buruh Kabupaten Belitung"),
    ("gelora", "DPD Partai Gelora Kabupaten Belitung"),
]

OTHER_ORGANISATIONS = [
    (
        "tim-koalisi-belitung-maju",
        "Tim Penghubung Koalisi Belitung Maju",
        Organisation.Kind.COALITION,
        "",
    ),
    (
        "tim-perseorangan-belitung",
        "Tim Bakal Pasangan Calon Perseorangan Belitung",
        Organisation.Kind.INDEPENDENT,
        "",
    ),
]

# username, first name, last name, role, organisation code (operators)
ACCOUNTS = [
    ("koordinator", "Rahmat", "Hidayat", User.Role.COORDINATOR, None),
    ("petugas1", "Siti", "Aminah", User.Role.OFFICER, None),
    ("petugas2", "Budi", "Santoso", User.Role.OFFICER, None),
    ("lo-partai-a", "Dewi", "Lestari", User.Role.OPERATOR, "pdip-belitung"),
    ("lo-partai-b", "Andi", "Pratama", User.Role.OPERATOR, "gerindra-belitung"),
]


def load() -> None:
    """Create the demo organisations and accounts (idempotent)."""
    office = Office.objects.get(code="19.02")
    for party, name in PARTY_BRANCHES:
        Organisation.objects.update_or_create(
            code=f"{party}-belitung",
            defaults={
                "name": name,
                "kind": Organisation.Kind.PARTY,
                "party_code": party,
                "office": office,
            },
        )
    for code, name, kind, party in OTHER_ORGANISATIONS:
        Organisation.objects.update_or_create(
            code=code, defaults={"name": name, "kind": kind, "party_code": party, "office": office}
        )
    admin = _account("admin", "Admin", "Sistem", User.Role.ADMIN, None, None)
    if not admin.is_superuser:
        admin.is_superuser = admin.is_staff = True
        admin.save(update_fields=["is_superuser", "is_staff"])
    for username, first, last, role, org_code in ACCOUNTS:
        org = Organisation.objects.get(code=org_code) if org_code else None
        _account(username, first, last, role, office if org is None else None, org)


def _account(username, first, last, role, office, organisation) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(username=username)
        user.set_password(settings.DEMO_PASSWORD)
    user.first_name, user.last_name, user.role = first, last, role
    user.office, user.organisation = office, organisation
    user.email = f"{username}@demo.mejabantu.example"
    user.is_demo_account = True
    user.save()
    return user
