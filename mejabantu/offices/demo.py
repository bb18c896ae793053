"""Demo offices: the whole network (every region and office, `mejabantu.offices.network`),
with KPU Kabupaten Belitung (19.02), its province (19), KPU RI and a second regency desk in
the province, KPU Kabupaten Belitung Timur (19.06), set up as desks in use.

Each office gets government working hours derived from Perpres 21/2023 (unconfirmed, facts
§8.3); Belitung also gets the 2024 registration days (facts §6) and default SLA policies.
"""

from itertools import product

from mejabantu.offices import network, services
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
    """Load every region and office, and set up the four demo desks (idempotent)."""
    network.regions_import()
    regions = {r.code: r for r in Region.objects.filter(code__in=["00", "19", "19.02", "19.06"])}
    nation, babel, belitung = regions["00"], regions["19"], regions["19.02"]
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
    beltim, _ = Office.objects.update_or_create(
        code="19.06",
        defaults={
            "name": "KPU Kabupaten Belitung Timur",
            "short_code": "BELTIM",
            "level": Office.Level.REGENCY,
            "region": regions["19.06"],
            "parent": prov,
            "timezone": Office.TimeZone.WIB,
            "address": "Manggar, Kabupaten Belitung Timur",
            "email": "meja-bantuan@beltim.kpu.example",
        },
    )
    for office in (ri, prov, belitung_office, beltim):
        load_hours(office)
    network.offices_create()  # the other 549 offices, with derived names and prefixes
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
