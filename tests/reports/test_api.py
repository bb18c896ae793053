"""GET /api/v1/reports/summary and /api/v1/reports/tickets.csv: figures, access, errors."""

import csv
import io

import pytest
import time_machine

from tests.reports.conftest import at
from tests.reports.test_figures import august_at_belitung

SEPTEMBER_2 = at(2024, 9, 2, 10, 0)


def get(client, headers, path="/api/v1/reports/summary", **params):
    with time_machine.travel(SEPTEMBER_2, tick=False):
        return client.get(path, params, headers=headers)


def test_the_summary_of_a_desks_month(client, bearer, desk, office):
    august_at_belitung(desk, office)
    response = get(client, bearer("koordinator"), office="19.02", **{"from": "2024-08-01"})
    assert response.status_code == 200
    body = response.json()
    assert (body["from"], body["to"], body["timezone"]) == (
        "2024-08-01",
        "2024-08-31",
        "Asia/Jakarta",
    )
    assert (body["received"], body["answered"], body["resolved"]) == (4, 3, 2)
    assert body["first_response_minutes"] == {"count": 3, "median": 60.0, "p90": 100.0}
    assert body["resolution_minutes"] == {"count": 2, "median": 110.0, "p90": 130.0}
    assert body["sla_met_percent"] == {"first_response": 75.0, "resolution": 50.0}
    assert body["csat"] == {
        "count": 2,
        "mean": 4.5,
        "distribution": {"1": 0, "2": 0, "3": 0, "4": 1, "5": 1},
    }
    assert body["overdue_now"] == 2
    assert body["by_category"] == [
        {
            "code": "persyaratan-calon",
            "label": "Persyaratan calon",
            "received": 4,
            "answered": 3,
            "resolved": 2,
        }
    ]
    assert [
        (g["code"], g["received"], g["answered"], g["resolved"]) for g in body["by_channel"]
    ] == [
        ("web", 3, 2, 2),
        ("phone", 1, 1, 0),
    ]


def test_a_province_sees_its_region_rolled_up_and_a_regency_not_the_province(
    client, bearer, desk, offices
):
    desk.ask(at(2024, 8, 5, 9, 0), offices["19.02"])
    desk.ask(at(2024, 8, 5, 9, 0), offices["19.06"], actor="petugas-beltim", requester_name="Z")
    province = get(client, bearer("petugas-prov"), office="19", **{"from": "2024-08-01"})
    assert province.status_code == 200 and province.json()["received"] == 2
    assert province.json()["offices"] > 2
    nation = get(client, bearer("koordinator-ri"), office="ri", **{"from": "2024-08-01"})
    assert nation.json()["received"] == 2
    refused = get(client, bearer("petugas1"), office="19", **{"from": "2024-08-01"})
    assert refused.status_code == 403
    assert refused.json()["detail"].startswith("Laporan kantor ini hanya dapat dilihat")
    neighbour = get(client, bearer("petugas1"), office="19.06")
    assert neighbour.status_code == 403


def test_party_operators_the_public_and_unknown_offices_get_no_figures(client, bearer, demo):
    assert get(client, bearer("lo-partai-a"), office="19.02").status_code == 403
    assert get(client, {}, office="19.02").status_code == 401
    assert get(client, {}, "/api/v1/reports/tickets.csv", office="19.02").status_code == 401
    assert get(client, bearer("koordinator-ri"), office="99.99").status_code == 404
    csv_refused = get(client, bearer("lo-partai-a"), "/api/v1/reports/tickets.csv", office="19.02")
    assert csv_refused.status_code == 403


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"from": "2024-13-01"}, "from"),
        ({"from": "2024-08-01", "to": "kemarin"}, "to"),
        ({"from": "2024-08-31", "to": "2024-08-01"}, "to"),
        ({"from": "2024-01-01", "to": "2025-01-01"}, "to"),  # 367 days
        ({}, "office"),
        ({"from": "9999-12-31", "to": "9999-12-31"}, "from"),
        ({"from": "1999-12-31"}, "from"),
    ],
)
def test_bad_ranges_answer_422_naming_the_field(client, bearer, demo, params, field):
    query = {"office": "19.02", **params} if field != "office" else {}
    response = get(client, bearer("koordinator"), **query)
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == [field]


def test_a_whole_leap_year_is_allowed_and_the_default_is_this_month(client, bearer, demo):
    headers = bearer("koordinator")
    year = get(client, headers, office="19.02", **{"from": "2024-01-01", "to": "2024-12-31"})
    assert year.status_code == 200
    default = get(client, headers, office="19.02").json()
    assert (default["from"], default["to"]) == ("2024-09-01", "2024-09-30")


def test_the_csv_has_a_bom_a_header_and_one_inert_row_per_ticket(client, bearer, desk, office):
    weekend, lunch, waited, silent = august_at_belitung(desk, office)
    desk.ask(at(2024, 8, 26, 15, 0), office, subject='=HYPERLINK("http://x")')
    desk.ask(at(2024, 9, 1, 9, 0), office)  # September's
    response = get(
        client,
        bearer("petugas1"),
        "/api/v1/reports/tickets.csv",
        office="19.02",
        **{"from": "2024-08-01", "to": "2024-08-31"},
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "laporan-19.02-20240801-20240831.csv" in response["Content-Disposition"]
    raw = b"".join(response.streaming_content)
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 5
    by_ref = {r["reference"]: r for r in rows}
    first = by_ref[weekend.reference]
    assert first["received_at"] == "2024-08-23T15:50:00+07:00"
    assert (first["first_response_minutes"], first["resolution_minutes"]) == ("100.0", "130.0")
    assert (first["rating"], first["channel"], first["organisation"]) == (
        "5",
        "web",
        "pdip-belitung",
    )
    assert by_ref[waited.reference]["resolution_minutes"] == "90.0"
    assert by_ref[silent.reference]["first_response_minutes"] == ""
    assert by_ref[silent.reference]["assignee"] == "petugas2"
    injected = [r for r in rows if "HYPERLINK" in r["subject"]]
    assert injected[0]["subject"] == '\'=HYPERLINK("http://x")'
    assert [r["reference"] for r in rows][0] == weekend.reference  # oldest first
