"""Pages: public calculators, the registration desk's scoping, receipts, rule sets, impact."""

import pytest
from django.urls import reverse

from mejabantu.candidacy.models import Registration, RegistrationDocument, RuleSet

pytestmark = pytest.mark.django_db


def _number(head):
    return Registration.objects.get(head_name=head).number


def test_coalition_calculator_shows_verdict_and_the_party_that_completes_it(
    client, candidacy_reference
):
    r = client.get(
        reverse("candidacy:coalition"),
        {"region": "19.02", "parties": ["golkar"]},
        headers={"HX-Request": "true"},
    )
    html = r.content.decode()
    assert r.status_code == 200
    assert "<html" not in html  # htmx gets the fragment only
    assert "10.800" in html and "Golkar" not in html.split("data-testid")[0]
    assert "PSI" in html  # Golkar 9,300 + PSI 8,200 reaches 10,800
    assert "angka ilustrasi" in html


def test_coalition_calculator_works_as_a_plain_page(client, candidacy_reference):
    r = client.get(reverse("candidacy:coalition"), {"region": "19.02", "parties": ["pdip"]})
    assert r.status_code == 200
    assert "<html" in r.content.decode()
    assert 'data-testid="coalition-verdict"' in r.content.decode()


def test_candidate_check_keeps_input_and_explains_a_bad_date(client, candidacy_reference):
    r = client.get(
        reverse("candidacy:candidate"), {"position": "bupati", "birth_date": "1999-13-40"}
    )
    html = r.content.decode()
    assert r.status_code == 200
    assert "YYYY-MM-DD" in html
    assert 'value="1999-13-40"' in html


def test_candidate_check_birthday_on_determination_day(client, candidacy_reference):
    r = client.get(
        reverse("candidacy:candidate"), {"position": "bupati", "birth_date": "1999-09-22"}
    )
    assert "berusia 25 tahun" in r.content.decode()


def test_independent_calculator_for_belitung(client, candidacy_reference):
    r = client.get(reverse("candidacy:independent"), {"region": "19.02"})
    assert "13.650" in r.content.decode()


@pytest.mark.parametrize(
    ("username", "visible", "hidden"),
    [
        ("lo-partai-a", "MZ Hendra Caya", "Isyak Meirobie"),
        ("lo-partai-b", "Isyak Meirobie", "MZ Hendra Caya"),
    ],
)
def test_party_operator_sees_only_its_own_registrations(
    client, candidacy_demo, users, username, visible, hidden
):
    client.force_login(users[username])
    page = client.get(reverse("candidacy:registrations")).content.decode()
    assert visible in page and hidden not in page
    other = client.get(reverse("candidacy:registration_detail", kwargs={"number": _number(hidden)}))
    assert other.status_code == 404
    receipt = client.get(
        reverse("candidacy:registration_receipt", kwargs={"number": _number(hidden)})
    )
    assert receipt.status_code == 404


def test_officer_of_another_office_gets_404(client, candidacy_demo, users):
    client.force_login(users["petugas-prov"])  # KPU Provinsi Kepulauan Bangka Belitung
    url = reverse("candidacy:registration_detail", kwargs={"number": _number("Isyak Meirobie")})
    assert client.get(url).status_code == 404


def test_anonymous_is_sent_to_sign_in_for_the_desk(client, candidacy_demo):
    r = client.get(reverse("candidacy:registrations"))
    assert r.status_code == 302


def test_officer_records_a_registration_with_checklist_and_verdicts(client, candidacy_demo, users):
    from mejabantu.candidacy.models import Contest, Party

    client.force_login(users["petugas2"])
    contest = Contest.objects.get(region__code="19.02")
    data = {
        "contest": contest.pk,
        "route": "party",
        "parties": [Party.objects.get(code="pkb").pk],
        "head_name": "Calon Uji",
        "deputy_name": "Wakil Uji",
        "head_birth_date": "1990-01-01",
        "deputy_birth_date": "2001-01-01",
    }
    r = client.post(reverse("candidacy:registration_new"), data)
    registration = Registration.objects.get(head_name="Calon Uji")
    assert r.status_code == 302
    assert registration.rule_set.code == "pkpu10-2024"
    assert registration.verdicts["nomination"]["status"] == "not_met"
    assert registration.verdicts["eligible"] is False
    assert registration.documents.filter(role="deputy").exists()


def test_form_without_parties_keeps_what_was_typed(client, candidacy_demo, users):
    from mejabantu.candidacy.models import Contest

    client.force_login(users["petugas1"])
    r = client.post(
        reverse("candidacy:registration_new"),
        {
            "contest": Contest.objects.get(region__code="19.02").pk,
            "route": "party",
            "head_name": "Nama Tetap",
            "deputy_name": "Wakil",
        },
    )
    assert r.status_code == 200
    assert 'value="Nama Tetap"' in r.content.decode()


def test_operator_cannot_record_a_registration(client, candidacy_demo, users):
    client.force_login(users["lo-partai-a"])
    assert client.get(reverse("candidacy:registration_new")).status_code == 404


def test_officer_marks_a_document_received_and_it_shows_on_the_receipt(
    client, candidacy_demo, users
):
    client.force_login(users["petugas1"])
    number = _number("Isyak Meirobie")
    doc = RegistrationDocument.objects.filter(registration__number=number, code="tax").first()
    url = reverse("candidacy:registration_document", kwargs={"number": number, "pk": doc.pk})
    r = client.post(url, {"status": "received"}, headers={"HX-Request": "true"})
    assert r.status_code == 200
    assert r.content.decode().lstrip().startswith("<tr")
    doc.refresh_from_db()
    assert doc.status == "received" and doc.received_at is not None
    receipt = client.get(reverse("candidacy:registration_receipt", kwargs={"number": number}))
    assert "NPWP" in receipt.content.decode()


def test_operator_cannot_change_document_status(client, candidacy_demo, users):
    client.force_login(users["lo-partai-b"])
    number = _number("Isyak Meirobie")
    doc = RegistrationDocument.objects.filter(registration__number=number).first()
    url = reverse("candidacy:registration_document", kwargs={"number": number, "pk": doc.pk})
    assert client.post(url, {"status": "received"}).status_code == 404
    doc.refresh_from_db()
    assert doc.status == "missing"


def test_rehearsals_are_kept_apart(client, candidacy_demo, users):
    client.force_login(users["petugas1"])
    page = client.get(reverse("candidacy:registrations")).content.decode()
    pairs, rehearsals = page.split('data-testid="rehearsals"')
    assert "Calon Gladi Satu" in rehearsals and "Calon Gladi Satu" not in pairs


def test_impact_view_shows_the_august_2024_change_for_belitung(client, candidacy_demo, users):
    client.force_login(users["koordinator"])
    r = client.get(
        reverse("candidacy:ruleset_impact", kwargs={"code": "pkpu10-2024"}),
        {"against": "uu10-2016-pkpu8-2024"},
    )
    html = r.content.decode()
    assert r.status_code == 200
    assert "MZ Hendra Caya" in html  # PDI-P alone: 4 seats before, 16.2 % after
    assert "Isyak Meirobie" not in html  # 7 seats before, enough votes after
    assert "27.000 → 10.800" in html
    assert "seatless_parties_allowed" in html and "age_reference" in html


def test_coordinator_copies_edits_previews_and_publishes_a_rule_set(client, candidacy_demo, users):
    from mejabantu.candidacy.forms import RuleSetForm

    client.force_login(users["koordinator"])
    r = client.post(
        reverse("candidacy:ruleset_copy", kwargs={"code": "pkpu10-2024"}),
        {"code": "juknis-uji", "name": "Juknis uji"},
    )
    assert r.status_code == 302
    draft = RuleSet.objects.get(code="juknis-uji")
    assert draft.status == "draft"
    data = {k: v for k, v in RuleSetForm.initial_for(draft).items() if v is not None}
    data["threshold_kabupaten_kota"] = "250000 20\n500000 8.5\n1000000 7.5\n- 6.5"
    data["effective_date"] = "2024-09-01"
    data["age_date"] = "2024-09-22"
    data = {k: ("on" if v is True else v) for k, v in data.items() if v is not False}
    r = client.post(reverse("candidacy:ruleset_edit", kwargs={"code": "juknis-uji"}), data)
    assert r.status_code == 302, r.content.decode()[:2000]
    draft.refresh_from_db()
    assert draft.parameters["threshold_percent"]["kabupaten_kota"][0]["percent"] == "20"
    impact = client.get(reverse("candidacy:ruleset_impact", kwargs={"code": "juknis-uji"}))
    assert "MZ Hendra Caya" in impact.content.decode()  # 16.2 % no longer reaches 20 %
    # a regency's coordinator proposes; only KPU RI (here the administrator) publishes
    r = client.post(reverse("candidacy:ruleset_publish", kwargs={"code": "juknis-uji"}))
    assert r.status_code == 403
    client.force_login(users["admin"])
    client.post(reverse("candidacy:ruleset_publish", kwargs={"code": "juknis-uji"}))
    draft.refresh_from_db()
    assert draft.status == "published"
    assert RuleSet.objects.get(code="pkpu10-2024").superseded_by == draft


def test_bad_band_text_is_explained(client, candidacy_demo, users):
    from mejabantu.candidacy.forms import RuleSetForm
    from mejabantu.candidacy.services import rule_set_copy

    draft = rule_set_copy(
        user=users["koordinator"],
        source=RuleSet.objects.get(code="pkpu10-2024"),
        code="draf",
        name="Draf",
    )
    client.force_login(users["koordinator"])
    data = {k: v for k, v in RuleSetForm.initial_for(draft).items() if v not in (None, False)}
    data = {k: ("on" if v is True else v) for k, v in data.items()}
    data["effective_date"] = "2024-09-01"
    data["age_date"] = "2024-09-22"
    data["independent_provinsi"] = "banyak sekali"
    r = client.post(reverse("candidacy:ruleset_edit", kwargs={"code": "draf"}), data)
    assert r.status_code == 200
    assert 'role="alert"' in r.content.decode()


def test_officer_cannot_edit_rule_sets(client, candidacy_demo, users):
    client.force_login(users["petugas1"])
    r = client.post(
        reverse("candidacy:ruleset_copy", kwargs={"code": "pkpu10-2024"}),
        {"code": "x", "name": "x"},
    )
    assert r.status_code == 404


def test_demo_load_is_idempotent(candidacy_demo):
    from mejabantu.candidacy import demo

    count = Registration.objects.count()
    demo.load()
    assert Registration.objects.count() == count == 4
    assert Registration.objects.filter(is_rehearsal=True).count() == 1


def test_rehearsals_never_count(candidacy_demo, office):
    from mejabantu.candidacy.selectors import registrations_countable

    heads = set(registrations_countable(office=office).values_list("head_name", flat=True))
    assert len(heads) == 3 and "Calon Gladi Satu" not in heads


def test_province_coalition_uses_the_province_band(client, candidacy_reference):
    r = client.get(reverse("candidacy:coalition"), {"region": "19", "parties": ["pdip"]})
    html = r.content.decode()
    assert "85.600" in html  # 10 % of 856,000 illustrative provincial valid votes


def test_registration_list_queries_do_not_grow_with_registrations(
    client, candidacy_demo, users, django_assert_max_num_queries
):
    from mejabantu.candidacy.models import Contest, Party
    from mejabantu.candidacy.services import registration_create

    client.force_login(users["petugas1"])
    with django_assert_max_num_queries(12) as before:
        client.get(reverse("candidacy:registrations"))
    contest = Contest.objects.get(region__code="19.02")
    for i in range(5):
        registration_create(
            user=users["petugas1"],
            contest=contest,
            route="party",
            parties=[Party.objects.get(code="pbb")],
            head_name=f"Kepala {i}",
            deputy_name=f"Wakil {i}",
        )
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get(reverse("candidacy:registrations"))
