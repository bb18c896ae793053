"""The Pilkada 2024 stages: seeded from the data file, dated per office, shown on a timeline."""

from datetime import date

import pytest

from mejabantu.schedule import selectors, services
from mejabantu.schedule.models import Stage

pytestmark = pytest.mark.django_db

CODES = {
    "pengumuman-pendaftaran": ("2024-08-24", "2024-08-26"),
    "pendaftaran": ("2024-08-27", "2024-08-29"),
    "pemeriksaan-kesehatan": ("2024-08-27", "2024-09-02"),
    "penelitian-persyaratan": ("2024-08-27", "2024-09-21"),
    "perbaikan": ("2024-09-06", "2024-09-08"),
    "penetapan": ("2024-09-22", "2024-09-22"),
    "pengundian-nomor-urut": ("2024-09-23", "2024-09-23"),
    "kampanye": ("2024-09-25", "2024-11-23"),
    "masa-tenang": ("2024-11-24", "2024-11-26"),
    "pemungutan-suara": ("2024-11-27", "2024-11-27"),
    "perpanjangan-pendaftaran": ("2024-09-02", "2024-09-04"),
    "dukungan-perseorangan": ("2024-05-05", "2024-08-19"),
    "penelitian-administrasi": ("2024-08-29", "2024-09-04"),
    "sosialisasi-penundaan": ("2024-08-30", "2024-09-01"),
    "pemberitahuan-hasil-penelitian": ("2024-09-05", "2024-09-06"),
    "penelitian-perbaikan": ("2024-09-06", "2024-09-14"),
    "penerimaan-kembali-dokumen": ("2024-09-11", "2024-09-16"),
    "penghitungan-rekapitulasi": ("2024-11-27", "2024-12-16"),
}


def test_seed_has_every_stage_with_its_dates_and_is_idempotent():
    services.stages_seed()
    services.stages_seed()
    seeded = {
        s.code: (s.starts_on.isoformat(), s.ends_on.isoformat())
        for s in Stage.objects.filter(office=None)
    }
    assert seeded == CODES


def test_disputed_dates_are_marked_unconfirmed_with_a_note():
    services.stages_seed()
    quiet = Stage.objects.get(code="masa-tenang", office=None)
    assert not quiet.confirmed and "23–26" in quiet.note
    assert Stage.objects.get(code="perpanjangan-pendaftaran").only_single_candidate_regions
    assert "23.59" in Stage.objects.get(code="pendaftaran").hours
    # a single source: shown as unconfirmed, with why
    research = Stage.objects.get(code="penelitian-administrasi", office=None)
    assert not research.confirmed and "satu sumber" in research.note


def test_the_extension_stage_rests_on_pkpu_10_2024_pasal_135():
    services.stages_seed()
    for code in ("perpanjangan-pendaftaran", "sosialisasi-penundaan"):
        stage = Stage.objects.get(code=code, office=None)
        assert stage.legal_basis == "PKPU 10/2024 Pasal 135"
        assert stage.only_single_candidate_regions


@pytest.mark.parametrize(
    ("today", "open_codes"),
    [
        (date(2024, 8, 25), ["pengumuman-pendaftaran"]),
        (
            date(2024, 8, 28),
            ["pendaftaran", "pemeriksaan-kesehatan", "penelitian-persyaratan"],
        ),
        (
            date(2024, 9, 3),
            ["penelitian-persyaratan", "penelitian-administrasi", "perpanjangan-pendaftaran"],
        ),
        (date(2024, 11, 27), ["pemungutan-suara", "penghitungan-rekapitulasi"]),
        (date(2024, 12, 1), ["penghitungan-rekapitulasi"]),
        (date(2024, 12, 17), []),
    ],
)
def test_timeline_shows_what_is_open_on_a_day(office, today, open_codes):
    services.stages_seed()
    rows = selectors.timeline(selectors.stages_for(office), today)
    assert [r.stage.code for r in rows if r.state == "open"] == open_codes


def test_coordinator_corrects_a_stage_for_the_office_only(office, users):
    services.stages_seed()
    services.stage_set_dates(
        actor=users["koordinator"],
        office=office,
        code="perpanjangan-pendaftaran",
        starts_on=date(2024, 8, 30),
        ends_on=date(2024, 9, 1),
        confirmed=True,
    )
    own = {s.code: s for s in selectors.stages_for(office)}["perpanjangan-pendaftaran"]
    national = {s.code: s for s in selectors.stages_for(None)}["perpanjangan-pendaftaran"]
    assert own.starts_on == date(2024, 8, 30) and own.confirmed
    assert national.starts_on == date(2024, 9, 2) and not national.confirmed
