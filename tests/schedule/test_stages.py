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


@pytest.mark.parametrize(
    ("today", "open_codes"),
    [
        (date(2024, 8, 25), ["pengumuman-pendaftaran"]),
        (
            date(2024, 8, 28),
            ["pendaftaran", "pemeriksaan-kesehatan", "penelitian-persyaratan"],
        ),
        (date(2024, 11, 27), ["pemungutan-suara"]),
        (date(2024, 12, 1), []),
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
