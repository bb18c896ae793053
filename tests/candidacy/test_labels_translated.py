"""The candidacy data's own words (documents, issuers, positions, education levels) go through
gettext: English msgids, shown in Indonesian by default and in English after the language
switch; stored codes and stored document texts stay as they were (issue 13)."""

from mejabantu.candidacy.models import Registration, RegistrationDocument


def test_document_checklist_in_both_languages(client, db):
    indonesian = client.get("/pencalonan/dokumen/").content.decode()
    assert "Surat Keterangan Catatan Kepolisian (SKCK)" in indonesian
    assert "Komisi Pemberantasan Korupsi (KPK)" in indonesian
    client.cookies["django_language"] = "en"  # the language switch's cookie
    english = client.get("/pencalonan/dokumen/").content.decode()
    assert "Police record certificate (SKCK)" in english
    assert "Corruption Eradication Commission (KPK)" in english
    assert "Surat Keterangan Catatan Kepolisian" not in english


def test_position_and_education_labels_in_both_languages(client, candidacy_reference):
    indonesian = client.get("/pencalonan/calon/").content.decode()
    assert '<option value="wakil_walikota">Wakil Wali Kota</option>' in indonesian
    assert '<option value="slta">SLTA/SMA/SMK</option>' in indonesian
    client.cookies["django_language"] = "en"
    english = client.get("/pencalonan/calon/").content.decode()
    assert '<option value="wakil_walikota">Deputy Mayor</option>' in english
    assert '<option value="slta">Senior high school (SLTA/SMA/SMK)</option>' in english


def test_the_api_names_documents_and_positions_in_the_callers_language(client, candidacy_reference):
    body = {"position": "bupati", "birth_date": "1960-01-01", "education": "s1"}

    def checks() -> dict:
        r = client.post("/api/v1/candidacy/eligibility", body, content_type="application/json")
        return {c["code"]: c for c in r.json()["checks"]}

    indonesian = checks()
    assert indonesian["good_conduct"]["document"] == "Surat Keterangan Catatan Kepolisian (SKCK)"
    assert "Bupati" in indonesian["age"]["reason"]
    assert "S-1" in indonesian["education"]["reason"]
    client.cookies["django_language"] = "en"
    english = checks()
    assert english["good_conduct"]["document"] == "Police record certificate (SKCK)"
    assert "Regent" in english["age"]["reason"]
    assert "Bachelor's degree (S-1)" in english["education"]["reason"]


def test_a_registrations_documents_are_stored_as_before_and_shown_in_english(
    client, candidacy_demo, users
):
    registration = Registration.objects.filter(is_rehearsal=False).first()
    stored = RegistrationDocument.objects.get(
        registration=registration, code="good_conduct", role="head"
    )
    assert stored.document == "Surat Keterangan Catatan Kepolisian (SKCK)"  # unchanged
    client.force_login(users["petugas1"])
    client.cookies["django_language"] = "en"
    page = client.get(f"/pencalonan/pendaftaran/{registration.number}/").content.decode()
    assert "Police record certificate (SKCK)" in page
    assert "Surat Keterangan Catatan Kepolisian" not in page


def test_a_registration_names_every_requirement_it_checks_not_its_code(
    client, candidacy_demo, users
):
    registration = Registration.objects.filter(is_rehearsal=False).first()
    client.force_login(users["petugas1"])
    page = client.get(f"/pencalonan/pendaftaran/{registration.number}/").content.decode()
    from mejabantu.candidacy.rules.eligibility import DOCUMENT_REQUIREMENTS

    shown = [
        r.code for r in DOCUMENT_REQUIREMENTS if f">{r.code}<" in page or f": {r.code}<" in page
    ]
    assert shown == []
    assert "catatan pidana" in page and "sehat jasmani dan rohani" in page
