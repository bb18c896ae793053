"""Every region and office: the Kemendagri list, import-regions and create-offices."""

import io

import pytest
from django.core.management import CommandError, call_command

from mejabantu.offices.models import Office, Region, ServiceHours
from mejabantu.offices.network import (
    RegionsImportFailed,
    offices_create,
    regions_import,
)
from mejabantu.offices.prefixes import base_prefix, unique_prefix

pytestmark = pytest.mark.django_db

REGIONAL = ["provinsi", "kabupaten", "kota"]


def test_the_shipped_list_has_every_province_and_kabupaten_kota(demo):
    assert Region.objects.filter(level="provinsi").count() == 38
    assert Region.objects.filter(level__in=["kabupaten", "kota"]).count() == 514
    assert Region.objects.filter(pilkada_2024=True).count() == 545
    assert Region.objects.filter(level="provinsi", pilkada_2024=True).count() == 37
    assert not Region.objects.get(code="34").pilkada_2024  # DI Yogyakarta
    no_election = Region.objects.filter(level__in=["kabupaten", "kota"], pilkada_2024=False)
    assert sorted(no_election.values_list("code", flat=True)) == [
        "31.01",
        "31.71",
        "31.72",
        "31.73",
        "31.74",
        "31.75",
    ]


@pytest.mark.parametrize(
    ("code", "name", "parent"),
    [
        ("19", "Kepulauan Bangka Belitung", "00"),
        ("19.02", "Kabupaten Belitung", "19"),
        ("19.06", "Kabupaten Belitung Timur", "19"),
        ("51.71", "Kota Denpasar", "51"),
        ("93", "Papua Selatan", "00"),
        ("94", "Papua Tengah", "00"),
        ("95", "Papua Pegunungan", "00"),
        ("96", "Papua Barat Daya", "00"),
    ],
)
def test_known_codes_and_names(demo, code, name, parent):
    region = Region.objects.select_related("parent").get(code=code)
    assert (region.name, region.parent.code) == (name, parent)


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("51", "WITA"),  # Bali
        ("61", "WIB"),  # Kalimantan Barat
        ("64", "WITA"),  # Kalimantan Timur
        ("52", "WITA"),  # Nusa Tenggara Barat
        ("81", "WIT"),  # Maluku
        ("91", "WIT"),
        ("92", "WIT"),
        ("93", "WIT"),
        ("94", "WIT"),
        ("95", "WIT"),
        ("96", "WIT"),
        ("19", "WIB"),
    ],
)
def test_time_zones_by_province(demo, code, label):
    region = Region.objects.get(code=code)
    assert region.get_timezone_display() == label
    office = Office.objects.get(code=code)
    assert office.timezone_label == label
    # a kabupaten/kota office keeps its province's time
    assert {o.timezone_label for o in Office.objects.filter(parent=office)} == {label}


def test_every_region_has_its_office_under_the_tier_above(demo):
    assert Office.objects.count() == 553
    assert Office.objects.filter(level="ri").count() == 1
    assert Office.objects.filter(level="provinsi", parent__code="ri").count() == 38
    kabkota = Office.objects.filter(level__in=["kabupaten", "kota"]).select_related("parent")
    assert kabkota.count() == 514
    assert all(o.parent.level == "provinsi" and o.code.startswith(o.parent.code) for o in kabkota)
    names = dict(
        Office.objects.filter(code__in=["51", "19.02", "51.71"]).values_list("code", "name")
    )
    assert names == {
        "51": "KPU Provinsi Bali",
        "19.02": "KPU Kabupaten Belitung",
        "51.71": "KPU Kota Denpasar",
    }


def test_prefixes_are_unique_short_and_the_demo_ones_kept(demo):
    prefixes = list(Office.objects.values_list("short_code", flat=True))
    assert len(set(prefixes)) == len(prefixes) == 553
    assert all(0 < len(p) <= 8 and p.isalnum() and p == p.upper() for p in prefixes)
    codes = dict(Office.objects.values_list("code", "short_code"))
    assert (codes["ri"], codes["19"], codes["19.02"], codes["19.06"]) == (
        "RI",
        "BABEL",
        "BLT",
        "BELTIM",
    )
    assert codes["32.04"] == "BANDUNG" and codes["32.73"] == "KBANDUNG"  # Kabupaten, Kota


@pytest.mark.parametrize(
    ("name", "prefix"),
    [
        ("Kabupaten Belitung Timur", "BELTIM"),
        ("Sumatera Utara", "SUMUT"),
        ("Nusa Tenggara Timur", "NTT"),
        ("Kota Denpasar", "DENPASAR"),
        ("Kabupaten Administrasi Kepulauan Seribu", "KEPSER"),
        ("Kabupaten Tasikmalaya", "TASIKM"),
    ],
)
def test_a_prefix_reads_like_its_name(name, prefix):
    assert base_prefix(name) == prefix


def test_a_taken_prefix_is_told_apart_by_level_then_number():
    taken = {"BOGOR"}
    assert unique_prefix("Kota Bogor", "kota", taken) == "KBOGOR"
    assert unique_prefix("Kota Bogor", "kota", taken) == "BOGOR2"
    assert {"BOGOR", "KBOGOR", "BOGOR2"} == taken


def test_new_offices_get_unconfirmed_government_hours_in_their_own_time(demo):
    ambon = Office.objects.get(code="81.71")  # Kota Ambon, WIT
    assert ambon.timezone_label == "WIT" and not ambon.hours_confirmed
    monday = ServiceHours.objects.filter(office=ambon, weekday=0).order_by("start")
    assert [(h.start.strftime("%H.%M"), h.end.strftime("%H.%M")) for h in monday] == [
        ("07.30", "12.00"),
        ("13.00", "16.00"),
    ]
    assert not ServiceHours.objects.filter(office=ambon, weekday__gte=5).exists()
    assert ambon.hours_changes.count() == 1


def test_running_both_again_changes_nothing(demo):
    assert regions_import().changes == 0
    report = offices_create()
    assert (report.created, report.updated, report.unchanged) == (0, 0, 553)


def test_commands_report_progress_and_counts(demo):
    out = io.StringIO()
    call_command("import_regions", stdout=out)
    text = out.getvalue()
    assert "553/553" in text
    assert "0 baru, 0 diperbarui, 553 tidak berubah" in text
    out = io.StringIO()
    call_command("create_offices", stdout=out)
    assert "Kantor: 0 baru, 0 diperbarui, 553 tidak berubah" in out.getvalue()


def test_an_office_moves_back_under_its_province_and_keeps_its_name(demo):
    Office.objects.filter(code="19.06").update(parent=None, name="KPU Beltim")
    assert offices_create().updated == 1
    beltim = Office.objects.get(code="19.06")
    assert (beltim.parent.code, beltim.name) == ("19", "KPU Beltim")


def test_a_changed_file_updates_only_what_it_names(demo):
    csv_text = "code,name,level,parent_code\n19.06,Kabupaten Belitung Timur Baru,kabupaten,19\n"
    report = regions_import(stream=io.StringIO(csv_text))
    assert (report.created, report.updated, report.unchanged) == (0, 1, 0)
    region = Region.objects.get(code="19.06")
    assert region.pilkada_2024 and region.get_timezone_display() == "WIB"  # columns left out


def test_a_bad_file_names_each_row_and_saves_nothing(demo):
    csv_text = (
        "code,name,level,parent_code,timezone,pilkada_2024\n"
        "19.99,Kabupaten Baru,kabupaten,19,WITU,1\n"
        "19.98,Kabupaten Lain,desa,19,WIB,ya\n"
        "77.01,Kabupaten Entah,kabupaten,77,WIB,0\n"
    )
    with pytest.raises(RegionsImportFailed) as failed:
        regions_import(stream=io.StringIO(csv_text))
    errors = failed.value.errors
    assert any(e.startswith("Baris 2:") and "WIB, WITA atau WIT" in e for e in errors)
    assert any(e.startswith("Baris 3:") for e in errors)
    assert not Region.objects.filter(code__in=["19.99", "19.98"]).exists()
    with pytest.raises(RegionsImportFailed, match="77"):
        regions_import(stream=io.StringIO(csv_text.replace("WITU", "WIB").replace("desa", "kota")))


def test_the_command_refuses_a_missing_file(demo):
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("import_regions", "/nonexistent/regions.csv")
