"""Demo offices: KPU Kabupaten Belitung (19.02), its province (19) and KPU RI.

Each office gets government working hours derived from Perpres 21/2023 (unconfirmed, facts
§8.3); Belitung also gets the 2024 registration days (facts §6) and default SLA policies.
"""

from itertools import product

from mejabantu.offices import services
from mejabantu.offices.defaults import GOVERNMENT_WEEK, REGISTRATION_DAYS_2024
from mejabantu.offices.models import Office, Region, ServiceHours, SlaPolicy, SpecialDay

# (category, priority, first response, resolution) in working minutes; blank = any
DEMO_SLA = [
    ("", "", 240, 1_350),  # half a working day to answer, three working days to resolve
    ("", SlaPolicy.Priority.URGENT, 60, 450),
    ("", SlaPolicy.Priority.HIGH, 120, 900),
    ("silon", "", 120, 900),  # Silon problems block a registration
]


def load() -> None:
    """Create the three demo offices and their regions (idempotent)."""
    nation, _ = Region.objects.update_or_create(
        code="00", defaults={"name": "Indonesia", "level": Region.Level.NATIONAL}
    )
    babel, _ = Region.objects.update_or_create(
        code="19",
        defaults={
            "name": "Kepulauan Bangka Belitung",
            "level": Region.Level.PROVINCE,
            "parent": nation,
        },
    )
    belitung, _ = Region.objects.update_or_create(
        code="19.02",
        defaults={"name": "Kabupaten Belitung", "level": Region.Level.REGENCY, "parent": babel},
    )
    ri, _ = Office.objects.update_or_create(
        code="ri",
        defaults={
            "name": "KPU RI",
            "short_code": "RI",
            "level": Office.Level.RI,
            "region": nation,
            "timezone": Office.TimeZone.WIB,
            "address": "Jl. Imam Bonjol No. 29, Menteng, Jakarta Pusat",
            "email": "meja-bantuan@kpu.example",
        },
    )
    prov, _ = Office.objects.update_or_create(
        code="19",
        defaults={
            "name": "KPU Provinsi Kepulauan Bangka Belitung",
            "short_code": "BABEL",
            "level": Office.Level.PROVINCE,
            "region": babel,
            "parent": ri,
            "timezone": Office.TimeZone.WIB,
            "address": "Pangkalpinang",
            "email": "meja-bantuan@babel.kpu.example",
        },
    )
    belitung_office, _ = Office.objects.update_or_create(
        code="19.02",
        defaults={
            "name": "KPU Kabupaten Belitung",
            "short_code": "BLT",
            "level": Office.Level.REGENCY,
            "region": belitung,
            "parent": prov,
            "timezone": Office.TimeZone.WIB,
            "address": "Tanjungpandan, Kabupaten Belitung",
            "phone": "(0719) 000000",
            "whatsapp": "0812-0000-0000",
            "email": "meja-bantuan@belitung.kpu.example",
            "helpdesk_intro": (
                "Meja bantuan pencalonan melayani partai politik, gabungan partai politik, "
                "tim bakal pasangan calon perseorangan, dan masyarakat yang mempunyai pertanyaan "
                "seputar pendaftaran calon Bupati dan Wakil Bupati Belitung. Ajukan pertanyaan "
                "secara daring, datang langsung ke kantor pada jam kerja, atau hubungi kami "
                "melalui telepon dan WhatsApp."
            ),
        },
    )
    for office in (ri, prov, belitung_office):
        load_hours(office)
    # the governor's and the regent's pairs registered on the same days (facts §6)
    for office, (day, name, spans) in product((prov, belitung_office), REGISTRATION_DAYS_2024):
        if not SpecialDay.objects.filter(office=office, date=day).exists():
            services.special_day_save(
                office=office,
                actor=None,
                day=day,
                name=name,
                hours=", ".join(f"{a}–{b}" for a, b in spans),
            )
    if not SlaPolicy.objects.filter(office=belitung_office).exists():
        for category, priority, first, resolution in DEMO_SLA:
            services.sla_policy_save(
                office=belitung_office,
                actor=None,
                category_code=category,
                priority=priority,
                first_response_minutes=first,
                resolution_minutes=resolution,
            )


def load_hours(office: Office) -> None:
    """Give an office the derived government week unless it already has hours."""
    if ServiceHours.objects.filter(office=office).exists():
        return
    services.weekly_hours_set(
        office=office,
        actor=None,
        hours={
            day: ", ".join(f"{a}–{b}" for a, b in spans) for day, spans in GOVERNMENT_WEEK.items()
        },
        confirmed=False,
    )
