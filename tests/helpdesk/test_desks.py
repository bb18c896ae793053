"""Desks at a glance: a province sees its kabupaten/kota desks, KPU RI every province."""

import re
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from mejabantu.helpdesk.models import Ticket
from mejabantu.offices.models import Office

pytestmark = pytest.mark.django_db


@pytest.fixture
def work(ask, users):
    """Three open tickets at Belitung (one overdue, one waiting for guidance), one resolved,
    and one open at Belitung Timur."""
    from mejabantu.helpdesk import services
    from mejabantu.knowledge.models import PendingGuidance

    tickets = [ask(subject=f"Pertanyaan {n}") for n in range(4)]
    Ticket.objects.filter(pk=tickets[0].pk).update(
        sla_due=timezone.now() - timedelta(hours=1), sla_state="breached"
    )
    guidance = PendingGuidance.objects.create(
        title="Juknis penghitungan usia", office=Office.objects.get(code="ri")
    )
    Ticket.objects.filter(pk=tickets[1].pk).update(pending_guidance=guidance)
    Ticket.objects.filter(pk=tickets[3].pk).update(status="resolved", queue_rank=None)
    services.ticket_create(
        actor=users["petugas-beltim"],
        office=Office.objects.get(code="19.06"),
        subject="Syarat dukungan",
        body="Berapa dukungan minimal?",
        category="persyaratan-calon",
        channel="desk",
        requester_name="Warga Manggar",
        idempotency_key=uuid.uuid4(),
    )


def _row(page: str, code: str) -> list[str]:
    match = re.search(rf'data-testid="desk-{re.escape(code)}">(.*?)</tr>', page, re.S)
    assert match, f"no row for {code}"
    return re.findall(r'<td class="num">(?:<span[^>]*>)?(\d+)', match.group(1))


def test_a_province_officer_sees_each_regency_desk_counts(client, users, work):
    client.force_login(users["petugas-prov"])
    page = client.get("/tiket/kantor/19/meja/").content.decode()
    assert _row(page, "19.02") == ["3", "1", "1"]
    assert _row(page, "19.06") == ["1", "0", "0"]
    assert _row(page, "19.01") == ["0", "0", "0"]
    assert _row(page, "19") == ["0", "0", "0"]  # the province's own desk
    assert _row(page, "total") == ["4", "1", "1"]
    assert "KPU Kota Pangkal Pinang" in page


def test_a_regency_officer_gets_404_on_the_province_desks(client, users, work):
    client.force_login(users["petugas1"])
    assert client.get("/tiket/kantor/19/meja/").status_code == 404
    assert client.get("/tiket/kantor/ri/meja/").status_code == 404
    client.force_login(users["lo-partai-a"])
    assert client.get("/tiket/kantor/19/meja/").status_code == 404


def test_another_province_cannot_see_this_one(client, users, work):
    from mejabantu.accounts.models import User

    sumut = User.objects.create_user(
        "petugas-sumut", role="officer", office=Office.objects.get(code="12")
    )
    client.force_login(sumut)
    assert client.get("/tiket/kantor/19/meja/").status_code == 404
    assert client.get("/tiket/kantor/12/meja/").status_code == 200


def test_ri_sees_every_province_rolled_up_and_drills_down(client, users, work):
    client.force_login(users["petugas-ri"])
    page = client.get("/tiket/kantor/ri/meja/").content.decode()
    assert page.count('data-testid="desk-') == 1 + 38 + 1  # own desk, provinces, total
    assert _row(page, "19") == ["4", "1", "1"]
    assert _row(page, "51") == ["0", "0", "0"]
    assert 'href="/tiket/kantor/19/meja/"' in page
    province = client.get("/tiket/kantor/19/meja/").content.decode()
    assert _row(province, "19.02") == ["3", "1", "1"]
    assert 'href="/tiket/kantor/ri/meja/"' in province  # back up to KPU RI


def test_the_province_page_does_not_link_up_for_province_staff(client, users, work):
    client.force_login(users["koordinator-prov"])
    page = client.get("/tiket/kantor/19/meja/").content.decode()
    assert 'href="/tiket/kantor/ri/meja/"' not in page


def test_a_regency_has_no_desks_page(client, users, work):
    client.force_login(users["petugas-ri"])
    assert client.get("/tiket/kantor/19.02/meja/").status_code == 404


def test_counts_take_one_query_whatever_the_number_of_desks(
    client, users, work, django_assert_max_num_queries
):
    client.force_login(users["petugas-ri"])
    client.get("/tiket/kantor/ri/meja/")  # session and user warm
    with django_assert_max_num_queries(8) as captured:
        client.get("/tiket/kantor/ri/meja/")
    grouped = [q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]
    assert len(grouped) == 1


def test_province_and_ri_queues_link_to_their_desks(client, users):
    client.force_login(users["petugas-prov"])
    assert "/tiket/kantor/19/meja/" in client.get("/tiket/").content.decode()
    client.force_login(users["petugas1"])
    assert "/meja/" not in client.get("/tiket/").content.decode()
