"""Demo schedule for KPU Kabupaten Belitung: the 2024 stages, events, slot settings, bookings.

Idempotent: running it twice changes nothing. Bookings are made through the services with a
"now" in August 2024, as the parties would have made them.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from mejabantu.accounts.models import Organisation, User
from mejabantu.offices.models import Office
from mejabantu.schedule import services
from mejabantu.schedule.models import Appointment, Event, SlotKind, SlotSettings

WIB = ZoneInfo("Asia/Jakarta")


def _at(*args) -> datetime:
    return datetime(*args, tzinfo=WIB)


EVENTS = [
    (
        Event.Kind.OUTREACH,
        "Sosialisasi tahapan pencalonan Bupati dan Wakil Bupati Belitung 2024",
        _at(2024, 8, 22, 9, 0),
        _at(2024, 8, 22, 12, 0),
        "Aula KPU Kabupaten Belitung, Tanjungpandan",
        "Penjelasan jadwal pendaftaran 27–29 Agustus, dokumen persyaratan pencalonan dan calon, "
        "penggunaan Silon, serta perubahan syarat ambang batas setelah Putusan MK 60/PUU-XXII/2024.",
        "pendaftaran",
    ),
    (
        Event.Kind.WORKING_GROUP,
        "Rapat Pokja pendaftaran dan penetapan pasangan calon",
        _at(2024, 8, 23, 13, 30),
        _at(2024, 8, 23, 15, 30),
        "Ruang rapat KPU Kabupaten Belitung",
        "Pembagian tugas meja penerimaan, meja penelitian dokumen dan meja bantuan selama tiga "
        "hari pendaftaran.",
        "pendaftaran",
    ),
    (
        Event.Kind.REHEARSAL,
        "Gladi bersih pendaftaran pasangan calon",
        _at(2024, 8, 26, 9, 0),
        _at(2024, 8, 26, 12, 0),
        "Kantor KPU Kabupaten Belitung",
        "Simulasi alur pendaftaran dari kedatangan, pemeriksaan dokumen, hingga penyerahan tanda "
        "terima. Penghubung partai diundang mengikuti.",
        "pendaftaran",
    ),
]

# (organisation code, start, topic, confirm?) booked as of Friday 23 Aug 2024, 08.00 WIB
CONSULTATIONS = [
    ("pdip-belitung", _at(2024, 8, 26, 13, 0), "Kelengkapan dokumen persyaratan pencalonan", True),
    ("gerindra-belitung", _at(2024, 8, 26, 13, 30), "Syarat ambang batas gabungan partai", False),
    (
        "tim-perseorangan-belitung",
        _at(2024, 8, 23, 10, 0),
        "Jadwal pendaftaran calon perseorangan",
        True,
    ),
]
# (organisation code, arrival, pair name, parties) on the registration days
ARRIVALS = [
    ("pdip-belitung", _at(2024, 8, 27, 9, 0), "MZ Hendra Caya – Sylpana", ["pdip"]),
    (
        "tim-koalisi-belitung-maju",
        _at(2024, 8, 28, 10, 0),
        "Isyak Meirobie – Masdar Nawawi",
        ["demokrat", "gerindra", "psi"],
    ),
    # Booked by the party on its own as well: the plan flags it for the office to settle.
    ("gerindra-belitung", _at(2024, 8, 28, 14, 0), "", ["gerindra"]),
]
BOOKED_AT = _at(2024, 8, 23, 8, 0)


def load() -> None:
    """Create the demo schedule (idempotent)."""
    services.stages_seed()
    office = Office.objects.get(code="19.02")
    SlotSettings.objects.get_or_create(
        office=office,
        defaults={"slot_minutes": 30, "capacity": 0, "horizon_days": 14, "min_notice_minutes": 60},
    )
    parties = Organisation.objects.filter(office=office, kind=Organisation.Kind.PARTY)
    for kind, title, start, end, location, description, stage in EVENTS:
        event, created = Event.objects.get_or_create(
            office=office,
            kind=kind,
            starts_at=start,
            title=title,
            defaults={
                "ends_at": end,
                "location": location,
                "description": description,
                "stage_code": stage,
            },
        )
        if created and kind != Event.Kind.WORKING_GROUP:
            event.invited.set(parties)
    officer = User.objects.get(username="petugas1")
    for code, start, topic, confirm in CONSULTATIONS:
        _book(office, officer, code, start, SlotKind.CONSULTATION, topic=topic, confirm=confirm)
    for code, start, pair, party_codes in ARRIVALS:
        _book(
            office,
            officer,
            code,
            start,
            SlotKind.REGISTRATION,
            pair_name=pair,
            party_codes=party_codes,
        )


def _book(office, officer, code, start, kind, confirm=False, **fields) -> None:
    organisation = Organisation.objects.get(code=code)
    exists = (
        Appointment.objects.filter(
            organisation=organisation, slot__starts_at=start, slot__kind=kind
        )
        .exclude(status=Appointment.Status.CANCELLED)
        .exists()
    )
    if exists:
        return
    booking = services.appointment_book(
        actor=officer,
        office=office,
        starts_at=start,
        organisation=organisation,
        kind=kind,
        now=BOOKED_AT,
        **fields,
    )
    if confirm:
        services.appointment_confirm(actor=officer, appointment=booking)
