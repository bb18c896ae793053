"""Rules owned by the right tier (issue 19): national rule sets are published only by KPU RI's
coordinators and administrators; a lower office's coordinator drafts one to propose it; a draft
is never used by the calculators, never listed publicly, and its code answers 404 to anyone who
may not see it, on the pages and in the API."""

import pytest
from django.test import Client

from mejabantu.accounts import access
from mejabantu.accounts.models import User
from mejabantu.accounts.services import api_token_issue
from mejabantu.candidacy.models import RuleSet
from mejabantu.candidacy.services import rule_set_copy
from mejabantu.offices.models import Office

DRAFT = "juknis-usul-belitung"
# who may see Belitung's draft: its own staff, KPU RI's coordinator, the administrator
SEES = {"admin", "koordinator", "petugas1", "uji-koordinator-ri"}
ROLES = (
    "admin",
    "koordinator",
    "petugas1",
    "lo-partai-a",
    "petugas-bangka",
    "uji-koordinator-prov",
    "uji-petugas-ri",
    "uji-koordinator-ri",
    None,
)


@pytest.fixture
def tiers(candidacy_demo, users, other_office):
    """KPU RI's and the province's coordinators and KPU RI's officer (the demo has neither)."""
    made = {}
    for username, code, role in (
        ("uji-koordinator-ri", "ri", User.Role.COORDINATOR),
        ("uji-petugas-ri", "ri", User.Role.OFFICER),
        ("uji-koordinator-prov", "19", User.Role.COORDINATOR),
    ):
        made[username] = User.objects.create_user(
            username, password="x-Tingkat-2024!", role=role, office=Office.objects.get(code=code)
        )
    return made


@pytest.fixture
def draft(tiers, users):
    """A draft proposed by KPU Kabupaten Belitung's coordinator."""
    return rule_set_copy(
        user=users["koordinator"],
        source=RuleSet.objects.get(code="pkpu10-2024"),
        code=DRAFT,
        name="Usulan juknis Belitung",
    )


def _client(username: str | None) -> Client:
    client = Client()
    if username:
        client.force_login(User.objects.get(username=username))
    return client


def _api(username: str | None, path: str, method: str = "get", **body) -> int:
    headers = {}
    if username:
        token = api_token_issue(user=User.objects.get(username=username))
        headers["Authorization"] = f"Bearer {token}"
    client = Client()
    if method == "get":
        return client.get(path, headers=headers).status_code
    return client.post(path, body, content_type="application/json", headers=headers).status_code


def test_a_draft_belongs_to_the_office_of_the_coordinator_who_drafted_it(draft, office):
    assert draft.status == "draft" and draft.office == office


@pytest.mark.parametrize("role", ROLES)
def test_a_draft_is_seen_only_by_its_office_kpu_ri_and_administrators(draft, role):
    expected = 200 if role in SEES else 404
    assert _client(role).get(f"/pencalonan/aturan/{DRAFT}/").status_code == expected
    assert _api(role, f"/api/v1/candidacy/rule-sets/{DRAFT}") == expected
    listed = DRAFT in _client(role).get("/pencalonan/aturan/").content.decode()
    assert listed == (role in SEES)


@pytest.mark.parametrize("role", ROLES)
def test_no_calculator_uses_a_draft_not_even_for_its_own_office(draft, role):
    status = _api(
        role,
        "/api/v1/candidacy/threshold",
        method="post",
        region="19.02",
        contest="bupati",
        parties=["pdip"],
        rule_set=DRAFT,
    )
    assert status == 422
    page = _client(role).get("/pencalonan/koalisi/", {"region": "19.02", "rule_set": DRAFT})
    assert f'value="{DRAFT}"' not in page.content.decode()  # never offered in the picker


def test_the_public_list_and_the_api_list_never_show_a_draft(draft):
    assert DRAFT not in Client().get("/pencalonan/aturan/").content.decode()
    codes = [r["code"] for r in Client().get("/api/v1/candidacy/rule-sets").json()]
    assert DRAFT not in codes and "pkpu10-2024" in codes


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("koordinator", 403),  # its own draft: may propose, not publish
        ("petugas1", 403),
        ("uji-koordinator-prov", 404),  # another office's draft is not even there
        ("petugas-bangka", 404),
        ("lo-partai-a", 404),
    ],
)
def test_only_kpu_ri_publishes(draft, role, status):
    r = _client(role).post(f"/pencalonan/aturan/{DRAFT}/terbitkan/")
    assert r.status_code == status
    draft.refresh_from_db()
    assert draft.status == "draft"


@pytest.mark.parametrize("role", ["uji-koordinator-ri", "admin"])
def test_kpu_ri_publishes_the_proposal_and_then_everyone_may_use_it(draft, role):
    page = _client(role).get(f"/pencalonan/aturan/{DRAFT}/").content.decode()
    assert f"/pencalonan/aturan/{DRAFT}/terbitkan/" in page
    r = _client(role).post(f"/pencalonan/aturan/{DRAFT}/terbitkan/")
    assert r.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "published"
    assert _api(None, f"/api/v1/candidacy/rule-sets/{DRAFT}") == 200
    r = Client().post(
        "/api/v1/candidacy/threshold",
        {"region": "19.02", "contest": "bupati", "parties": ["pdip"], "rule_set": DRAFT},
        content_type="application/json",
    )
    assert r.status_code == 200 and r.json()["rule_set"] == DRAFT


def test_the_drafting_coordinator_sees_no_publish_button_but_why(draft):
    page = _client("koordinator").get(f"/pencalonan/aturan/{DRAFT}/").content.decode()
    assert f"/pencalonan/aturan/{DRAFT}/terbitkan/" not in page
    assert "Hanya KPU RI yang menerbitkan" in page


def test_a_draft_is_edited_only_by_its_own_office(draft):
    assert (
        _client("uji-koordinator-prov").get(f"/pencalonan/aturan/{DRAFT}/ubah/").status_code == 404
    )
    assert _client("uji-koordinator-ri").get(f"/pencalonan/aturan/{DRAFT}/ubah/").status_code == 403
    assert _client("koordinator").get(f"/pencalonan/aturan/{DRAFT}/ubah/").status_code == 200


def test_officers_and_operators_draft_nothing(draft):
    for role in ("petugas1", "lo-partai-a"):
        r = _client(role).post("/pencalonan/aturan/pkpu10-2024/salin/", {"code": "x", "name": "x"})
        assert r.status_code == 404
    assert not RuleSet.objects.filter(code="x").exists()


def test_access_rules_for_rule_sets(tiers, users, office):
    ri = tiers["uji-koordinator-ri"]
    prov = tiers["uji-koordinator-prov"]
    assert access.may_publish_rule_set(ri) and access.may_publish_rule_set(users["admin"])
    assert not access.may_publish_rule_set(users["koordinator"])
    assert not access.may_publish_rule_set(prov)
    assert not access.may_publish_rule_set(tiers["uji-petugas-ri"])
    assert access.may_draft_rule_set(users["koordinator"]) and access.may_draft_rule_set(prov)
    assert not access.may_draft_rule_set(users["petugas1"])
    assert access.may_see_rule_set(None, published=True, office=None)
    assert not access.may_see_rule_set(None, published=False, office=office)
    assert access.may_see_rule_set(users["petugas1"], published=False, office=office)
    assert not access.may_see_rule_set(prov, published=False, office=office)
    assert not access.may_edit_rule_set(users["koordinator"], published=True, office=office)
