from django.core.management import call_command

from mejabantu.accounts.models import Organisation, User
from mejabantu.offices.models import Office


def test_demo_data_loads_twice_without_duplicates(db):
    call_command("demo", verbosity=0)
    counts = (Office.objects.count(), User.objects.count(), Organisation.objects.count())
    call_command("demo", verbosity=0)
    assert (Office.objects.count(), User.objects.count(), Organisation.objects.count()) == counts
    belitung = Office.objects.get(code="19.02")
    assert belitung.parent.code == "19"
    assert belitung.parent.parent.code == "ri"
    assert (
        User.objects.get(username="lo-partai-a").organisation
        != User.objects.get(username="lo-partai-b").organisation
    )


def test_office_page_is_addressed_by_kemendagri_code(client, office):
    response = client.get("/kantor/19.02/")
    assert response.status_code == 200
    assert "KPU Kabupaten Belitung" in response.content.decode()
    assert client.get("/kantor/99.99/").status_code == 404


def test_office_api_by_code(client, office):
    data = client.get("/api/v1/offices/19.02").json()
    assert data["timezone"] == "Asia/Jakarta"
    assert data["timezone_label"] == "WIB"
    assert data["parent"] == "19"


def test_pages_are_indonesian_even_for_an_english_browser(client, office):
    page = client.get("/kantor/19.02/", headers={"Accept-Language": "en-US,en;q=0.9"})
    assert "Cara bertanya" in page.content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/kantor/19.02/"})
    assert "How to ask" in client.get("/kantor/19.02/").content.decode()


def test_the_demo_s_ratings_are_given_in_2024_so_its_reports_show_satisfaction(
    client, users, office
):
    from mejabantu.helpdesk.models import Ticket

    call_command("demo", verbosity=0)  # the whole demo, tickets and ratings too
    rated = Ticket.objects.filter(office=office, rating__isnull=False)
    assert rated.exists()
    assert all(t.rated_at.year == 2024 and t.rated_at > t.resolved_at for t in rated)
    client.force_login(users["koordinator"])
    page = client.get("/laporan/?office=19.02&from=2024-08-01&to=2024-09-30").content.decode()
    assert "Kepuasan" in page
