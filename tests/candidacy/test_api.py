"""The calculators' JSON API: open to anonymous callers, 422 naming the field."""

import pytest

pytestmark = pytest.mark.django_db


def post(client, path, body):
    return client.post(f"/api/v1/candidacy/{path}", body, content_type="application/json")


def test_threshold_for_belitung_parties_from_the_region_data(client, candidacy_reference):
    r = post(client, "threshold", {"region": "19.02", "contest": "bupati", "parties": ["pdip"]})
    assert r.status_code == 200
    body = r.json()
    assert body["required_percent"] == 10
    assert body["min_votes"] == 10_800
    assert body["coalition_percent"] == 16.2
    assert body["eligible"] is True
    assert body["rule_set"] == "pkpu10-2024"
    assert "Pasal 11" in body["legal_basis"]
    assert body["illustrative"] is True


def test_threshold_under_the_first_text_of_pkpu_8(client, candidacy_reference):
    r = post(
        client,
        "threshold",
        {
            "region": "19.02",
            "contest": "bupati",
            "parties": ["pdip"],
            "rule_set": "uu10-2016-pkpu8-2024",
        },
    )
    body = r.json()
    assert body["eligible"] is False
    assert body["min_seats"] == 5
    assert "gerindra" in body["completing_parties"]


def test_threshold_from_figures_without_region(client, db):
    r = post(
        client,
        "threshold",
        {"level": "kota", "dpt": 500_001, "valid_votes_total": 1_001, "coalition_votes": 76},
    )
    assert r.status_code == 200
    assert r.json()["required_percent"] == 7.5
    assert r.json()["min_votes"] == 76
    assert r.json()["eligible"] is True


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("threshold", {"region": "99.99", "contest": "bupati", "parties": ["pdip"]}, "region"),
        ("threshold", {"region": "19.02", "contest": "gubernur", "parties": ["pdip"]}, "contest"),
        ("threshold", {"region": "19.02", "contest": "bupati", "parties": ["xyz"]}, "parties"),
        (
            "threshold",
            {"level": "kabupaten", "dpt": -5, "valid_votes_total": 10, "coalition_votes": 1},
            "dpt",
        ),
        (
            "threshold",
            {"level": "kabupaten", "dpt": 5, "valid_votes_total": 10, "coalition_votes": 11},
            "coalition_votes",
        ),
        (
            "threshold",
            {"level": "desa", "dpt": 5, "valid_votes_total": 10, "coalition_votes": 1},
            "level",
        ),
        (
            "threshold",
            {"region": "19.02", "contest": "bupati", "parties": ["pdip"], "rule_set": "x"},
            "rule_set",
        ),
        ("eligibility", {"position": "bupati", "birth_date": "22-09-1999"}, "birth_date"),
        ("eligibility", {"position": "camat", "birth_date": "1999-09-22"}, "position"),
        ("eligibility", {"position": "bupati", "terms_served": -1}, "terms_served"),
        ("independent-support", {"level": "kota", "dpt": 1000, "sub_regions": -2}, "sub_regions"),
        ("independent-support", {"region": "00.00"}, "region"),
        ("independent-support", {"level": "kota", "dpt": "banyak", "sub_regions": 3}, "dpt"),
    ],
)
def test_bad_input_answers_422_naming_the_field(client, candidacy_reference, path, body, field):
    r = post(client, path, body)
    assert r.status_code == 422
    assert field in [e["field"] for e in r.json()["errors"]]
    assert field in r.json()["detail"]


@pytest.mark.parametrize(
    ("born", "eligible", "age_status"),
    [("1999-09-22", None, "met"), ("1999-09-23", False, "not_met")],
)
def test_eligibility_is_open_while_documents_are_needed(client, db, born, eligible, age_status):
    r = post(client, "eligibility", {"position": "bupati", "birth_date": born, "terms_served": 0})
    assert r.status_code == 200
    body = r.json()
    assert body["eligible"] is eligible
    checks = {c["code"]: c for c in body["checks"]}
    assert checks["age"]["status"] == age_status
    assert checks["tax"]["status"] == "needs_document"
    assert {"code", "status", "reason", "legal_basis"} <= set(checks["age"])


def test_independent_support_for_belitung(client, candidacy_reference):
    r = post(
        client, "independent-support", {"level": "kabupaten", "dpt": 136_500, "sub_regions": 5}
    )
    assert r.json()["min_supporters"] == 13_650
    assert r.json()["min_sub_regions"] == 3
    assert r.json()["required_percent"] == 10
    by_region = post(client, "independent-support", {"region": "19.02"}).json()
    assert (by_region["min_supporters"], by_region["sub_regions"]) == (13_650, 5)


def test_rule_sets_are_listed_for_anyone(client, candidacy_reference):
    codes = [r["code"] for r in client.get("/api/v1/candidacy/rule-sets").json()]
    assert codes == ["pkpu10-2024", "uu10-2016-pkpu8-2024"]


def test_threshold_warns_about_a_party_already_backing_a_registered_pair(client, candidacy_demo):
    r = post(client, "threshold", {"region": "19.02", "contest": "bupati", "parties": ["psi"]})
    assert any("PSI sudah mengusung" in w for w in r.json()["warnings"])
    free = post(client, "threshold", {"region": "19.02", "contest": "bupati", "parties": ["pbb"]})
    assert free.json()["warnings"] == []


def test_load_rule_sets_command(db):
    import io

    from django.core.management import call_command

    from mejabantu.candidacy.models import RuleSet

    out = io.StringIO()
    call_command("load_rule_sets", stdout=out)
    call_command("load_rule_sets", stdout=out)
    assert RuleSet.objects.count() == 2
    assert RuleSet.objects.get(code="uu10-2016-pkpu8-2024").superseded_by.code == "pkpu10-2024"


def test_reason_is_a_code_shown_in_the_callers_language(client, candidacy_reference):
    body = {"region": "19.02", "contest": "bupati", "parties": ["pdip"]}
    indonesian = post(client, "threshold", body).json()
    assert indonesian["reason_code"] == "threshold_bands_met"
    assert "suara sah = 10.800 suara (dibulatkan ke atas)" in indonesian["reason"]
    client.cookies["django_language"] = "en"  # the language switch; Accept-Language is ignored
    english = post(client, "threshold", body).json()
    assert english["reason_code"] == "threshold_bands_met"
    assert "of the valid votes is needed = 10,800 votes" in english["reason"]


def test_api_errors_are_json_in_the_callers_language(client, db):
    assert client.get("/api/v1/tickets").json()["detail"].startswith("Perlu masuk")
    client.cookies["django_language"] = "en"
    english = client.get("/api/v1/tickets")
    assert english.status_code == 401
    assert english.json()["detail"].startswith("Sign in first")
