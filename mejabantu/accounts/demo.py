"""Demo organisations and accounts for KPU Kabupaten Belitung, and the staff of the offices
above it and of its neighbour Belitung Timur (password: mejabantu-demo)."""

from django.conf import settings
from django.contrib.auth.hashers import make_password

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

# Staff of the other demo desks: username, first name, last name, role, office code.
NETWORK_ACCOUNTS = [
    ("petugas-prov", "Fitri", "Handayani", User.Role.OFFICER, "19"),
    ("koordinator-prov", "Hendra", "Wijaya", User.Role.COORDINATOR, "19"),
    ("petugas-ri", "Yusuf", "Maulana", User.Role.OFFICER, "ri"),
    ("koordinator-ri", "Ratna", "Sari", User.Role.COORDINATOR, "ri"),
    ("petugas-beltim", "Agus", "Setiawan", User.Role.OFFICER, "19.06"),
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
    password = _Password()
    admin = _account("admin", "Admin", "Sistem", User.Role.ADMIN, None, None, password)
    if not admin.is_superuser:
        admin.is_superuser = admin.is_staff = True
        admin.save(update_fields=["is_superuser", "is_staff"])
    for username, first, last, role, org_code in ACCOUNTS:
        org = Organisation.objects.get(code=org_code) if org_code else None
        _account(username, first, last, role, office if org is None else None, org, password)
    offices = {o.code: o for o in Office.objects.filter(code__in={a[4] for a in NETWORK_ACCOUNTS})}
    for username, first, last, role, code in NETWORK_ACCOUNTS:
        _account(username, first, last, role, offices[code], None, password)


class _Password:
    """The demo password hashed at most once per load: Argon2 takes about a second per hash
    on a small machine, and every demo account has the same password."""

    def __init__(self) -> None:
        self._hash = ""

    def __str__(self) -> str:
        if not self._hash:
            self._hash = make_password(settings.DEMO_PASSWORD)
        return self._hash


def _account(username, first, last, role, office, organisation, password: _Password) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(username=username, password=str(password))
    user.first_name, user.last_name, user.role = first, last, role
    user.office, user.organisation = office, organisation
    user.email = f"{username}@demo.mejabantu.example"
    user.is_demo_account = True
    user.save()
    return user
