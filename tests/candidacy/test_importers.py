"""CSV imports: all rows or none, errors by row, the console command."""

import io

import pytest
from django.core.management import CommandError, call_command

from mejabantu.candidacy.importers import ImportFailed, import_csv
from mejabantu.candidacy.models import Contest, PartyResult, RegionStats
from mejabantu.offices.models import Region

pytestmark = pytest.mark.django_db


def test_demo_import_builds_belitung_figures(candidacy_reference):
    stats = RegionStats.objects.get(region__code="19.02")
    assert (stats.dpt_pemilu, stats.dpt_pilkada, stats.dprd_seats) == (136_500, 139_057, 25)
    assert stats.illustrative
    assert Region.objects.filter(parent__code="19.02", level="kecamatan").count() == 5
    seats = dict(
        PartyResult.objects.filter(region__code="19.02").values_list("party__code", "seats")
    )
    assert sum(seats.values()) == 25
    assert (seats["gerindra"], seats["golkar"], seats["psi"]) == (3, 2, 2)
    assert max(seats, key=seats.get) == "pdip"
    assert Contest.objects.get(region__code="19.02").determination_date.isoformat() == "2024-09-22"


def test_a_bad_row_stops_the_whole_file_and_names_the_row(candidacy_reference):
    before = RegionStats.objects.get(region__code="19.02").dpt_pemilu
    csv_text = "region_code,dpt_pemilu,dpt_pilkada\n19.02,140000,\n19.99,1000,\n19,-5,\n"
    with pytest.raises(ImportFailed) as exc:
        import_csv(kind="dpt", stream=io.StringIO(csv_text))
    errors = exc.value.errors
    assert any(e.startswith("Baris 3:") and "19.99" in e for e in errors)
    assert any(e.startswith("Baris 4:") and "dpt_pemilu" in e for e in errors)
    assert RegionStats.objects.get(region__code="19.02").dpt_pemilu == before


def test_missing_column_is_named(db):
    with pytest.raises(ImportFailed, match="dpt_pemilu"):
        import_csv(kind="dpt", stream=io.StringIO("region_code\n19.02\n"))


def test_votes_larger_than_the_total_are_refused(candidacy_reference):
    csv_text = "region_code,party_code,votes,seats\n19.02,pdip,200000,4\n"
    with pytest.raises(ImportFailed, match="melebihi total suara sah"):
        import_csv(kind="votes", stream=io.StringIO(csv_text))


def test_contest_must_match_the_region_level(candidacy_reference):
    csv_text = (
        "region_code,kind,election_date,determination_date\n19.02,gubernur,2024-11-27,2024-09-22\n"
    )
    with pytest.raises(ImportFailed, match="tidak cocok"):
        import_csv(kind="contests", stream=io.StringIO(csv_text))


def test_command_imports_and_reports_progress(candidacy_reference, tmp_path):
    path = tmp_path / "dpt.csv"
    path.write_text("region_code,dpt_pemilu,illustrative\n19.02,136500,tidak\n", encoding="utf-8")
    out = io.StringIO()
    call_command("import_dpt", str(path), stdout=out)
    assert "1/1" in out.getvalue()
    assert "selesai" in out.getvalue()
    assert not RegionStats.objects.get(region__code="19.02").illustrative


def test_command_refuses_a_broken_file(candidacy_reference, tmp_path):
    path = tmp_path / "votes.csv"
    path.write_text("region_code,party_code,votes\n19.02,nobody,10\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="tidak ada data yang disimpan"):
        call_command("import_candidacy_data", "--kind", "votes", str(path), stderr=err)
    assert "Baris 2" in err.getvalue()
