"""GET /api/v1/offices/{code}: time zone, weekly hours, open now, holidays and special days."""

import pytest

pytestmark = pytest.mark.django_db


def test_office_api_gives_hours_holidays_and_special_days_in_range(client, office, monkeypatch):
    monkeypatch.setenv("MEJABANTU_FAKE_NOW", "2024-08-29T22:00:00+07:00")
    data = client.get("/api/v1/offices/19.02?from=2024-08-01&to=2024-08-31").json()
    assert data["timezone"] == "Asia/Jakarta"
    assert data["hours_confirmed"] is False
    assert data["weekly_hours"][4] == {
        "weekday": 4,
        "spans": [{"start": "07.30", "end": "11.30"}, {"start": "13.00", "end": "16.30"}],
    }
    assert data["weekly_hours"][6]["spans"] == []
    assert [h["date"] for h in data["holidays"]] == ["2024-08-17"]
    assert [(s["date"], s["spans"][0]["end"]) for s in data["special_days"]] == [
        ("2024-08-27", "16.00"),
        ("2024-08-28", "16.00"),
        ("2024-08-29", "23.59"),
    ]
    assert data["open_now"] is True
    assert data["open_until"].startswith("2024-08-29T23:59")


def test_office_api_says_when_a_closed_office_opens(client, office, monkeypatch):
    monkeypatch.setenv("MEJABANTU_FAKE_NOW", "2024-11-26T17:00:00+07:00")
    data = client.get("/api/v1/offices/19.02").json()
    assert data["open_now"] is False
    # 27 Nov 2024, voting day, is a national holiday
    assert data["next_opening"].startswith("2024-11-28T07:30:00")
    assert any(h["date"] == "2024-11-27" for h in data["holidays"])


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("from=2024-13-01&to=2024-12-31", "from"),
        ("from=2024-01-01&to=besok", "to"),
        ("from=2024-02-01&to=2024-01-01", "to"),
        ("from=2020-01-01&to=2024-12-31", "to"),
    ],
)
def test_bad_dates_answer_422_naming_the_field(client, office, query, field):
    response = client.get(f"/api/v1/offices/19.02?{query}")
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == field


def test_unknown_office_is_404(client, office):
    assert client.get("/api/v1/offices/00.00").status_code == 404


def test_office_list_gives_every_office_with_its_tier_zone_and_pilkada(client, demo):
    data = client.get("/api/v1/offices?limit=1000").json()
    assert data["count"] == 553 and len(data["results"]) == 553
    first = data["results"][0]
    assert first == {
        "code": "ri",
        "name": "KPU RI",
        "level": "ri",
        "parent": None,
        "timezone": "Asia/Jakarta",
        "timezone_label": "WIB",
        "pilkada_2024": False,
    }
    by_code = {o["code"]: o for o in data["results"]}
    assert by_code["19.06"]["parent"] == "19" and by_code["19"]["parent"] == "ri"
    assert by_code["51.71"]["timezone_label"] == "WITA"
    assert sum(o["pilkada_2024"] for o in data["results"]) == 545
    assert not by_code["34"]["pilkada_2024"] and not by_code["31.71"]["pilkada_2024"]


def test_office_list_filters_by_level_parent_and_name(client, demo):
    def codes(query):
        return [o["code"] for o in client.get(f"/api/v1/offices?{query}").json()["results"]]

    assert len(codes("level=provinsi")) == 38
    assert codes("parent=19") == ["19.01", "19.02", "19.03", "19.04", "19.05", "19.06", "19.71"]
    assert codes("parent=19&level=kota") == ["19.71"]
    assert codes("q=belitung") == ["19", "19.02", "19.06"]
    assert codes("q=BELITUNG TIMUR") == ["19.06"]
    assert codes("level=kota&q=denpasar") == ["51.71"]


def test_office_list_pages_with_limit_and_offset(client, demo):
    default = client.get("/api/v1/offices").json()
    assert (default["count"], len(default["results"])) == (553, 100)
    page = client.get("/api/v1/offices?limit=2&offset=1").json()["results"]
    assert [o["code"] for o in page] == [o["code"] for o in default["results"][1:3]]


@pytest.mark.parametrize(
    ("query", "field", "words"),
    [
        ("limit=1001", "limit", "1000"),
        ("limit=0", "limit", "1000"),
        ("offset=-1", "offset", "negatif"),
        ("level=desa", "level", "provinsi"),
    ],
)
def test_office_list_refuses_bad_parameters_in_json(client, demo, query, field, words):
    response = client.get(f"/api/v1/offices?{query}")
    assert response.status_code == 422
    body = response.json()
    assert body["errors"][0]["field"] == field
    assert words in body["detail"]


def test_office_list_reads_a_thousand_offices_in_two_queries(
    client, demo, django_assert_num_queries
):
    with django_assert_num_queries(2):  # the page (offices with parent and region), the count
        assert len(client.get("/api/v1/offices?limit=1000").json()["results"]) == 553
