"""The demo shows the network of offices: after `mejabantu demo`, a Belitung question about
the governor's race waits in the province's queue, one went to Belitung Timur, and one came
back down from the province with guidance."""

import pytest
from django.core.management import call_command
from django.test import Client

from mejabantu.helpdesk import demo_network
from mejabantu.helpdesk.models import AuditEvent, Message, Ticket, TicketHop
from mejabantu.mail.models import OutgoingMail


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    assert client.get("/akun/kata-sandi/").status_code == 200  # the CSRF cookie cached pages need
    return client


def _rows(page: str) -> str:
    return page[page.index("<tbody>") : page.index("</tbody>")]


def _demo_ticket(slug: str) -> Ticket:
    return Ticket.objects.select_related("office", "handling_office").get(
        idempotency_key=demo_network.key(slug)
    )


@pytest.fixture
def loaded(demo):
    """The whole demo, as `make run` loads it."""
    call_command("demo", verbosity=0)


def _counts() -> tuple[int, int, int, int]:
    return (
        Ticket.objects.count(),
        TicketHop.objects.count(),
        AuditEvent.objects.count(),
        OutgoingMail.objects.count(),
    )


def test_loading_the_network_demo_again_changes_nothing(loaded):
    before = _counts()
    demo_network.load()
    assert _counts() == before


def test_the_escalated_governor_question_is_in_the_province_s_queue_and_still_at_belitung(
    loaded, users
):
    ticket = _demo_ticket("ambang-batas-gubernur-babel")
    assert (ticket.office.code, ticket.handling_office.code) == ("19.02", "19")
    hop = ticket.hops.get()
    assert (hop.kind, hop.from_office.code, hop.to_office.code) == ("escalate", "19.02", "19")
    assert "kewenangan KPU Provinsi" in hop.reason
    assert hop.created_at.isoformat().startswith("2024-08-23")  # when it happened, not today
    assert ticket.assignee == users["petugas-prov"]
    assert AuditEvent.objects.filter(ticket=ticket, action="escalated").count() == 1
    # the province's staff were told, as in real use
    mails = OutgoingMail.objects.filter(topic=f"ticket:{ticket.pk}")
    told = set(mails.values_list("to", flat=True))
    assert users["petugas-prov"].email in told and users["koordinator-prov"].email in told

    province = _signed_in(users["petugas-prov"])
    rows = _rows(province.get("/tiket/").content.decode())
    assert ticket.reference in rows and "dari KPU Kabupaten Belitung" in rows

    belitung = _signed_in(users["petugas1"])
    rows = _rows(belitung.get("/tiket/").content.decode())
    assert ticket.reference in rows
    assert "ditangani KPU Provinsi Kepulauan Bangka Belitung" in rows
    page = belitung.get(ticket.get_absolute_url()).content.decode()
    assert "Ditangani oleh KPU Provinsi Kepulauan Bangka Belitung" in page

    requester = _signed_in(users["lo-partai-a"])
    page = requester.get(ticket.get_absolute_url()).content.decode()
    assert "Ditangani oleh KPU Provinsi Kepulauan Bangka Belitung" in page
    assert hop.reason not in page  # the reason is for the offices
    assert "Ditangani oleh KPU Provinsi" in requester.get("/tiket/saya/").content.decode()


def test_the_wrong_regency_question_went_to_belitung_timur_which_answered_it(loaded, users):
    ticket = _demo_ticket("dukungan-perseorangan-beltim")
    assert (ticket.office.code, ticket.handling_office.code) == ("19.02", "19.06")
    assert ticket.hops.get().kind == "forward" and ticket.status == "resolved"
    reply = ticket.messages.filter(internal=False).exclude(author=None).last()
    assert reply.author == users["petugas-beltim"] and "9.580" in reply.body
    beltim = _signed_in(users["petugas-beltim"])
    page = beltim.get("/tiket/?queue=all").content.decode()
    assert ticket.reference in page


def test_the_province_handed_a_question_back_with_guidance_and_belitung_answered(loaded, users):
    ticket = _demo_ticket("pengurus-hadir-pendaftaran")
    assert ticket.handling_office.code == "19.02" and ticket.status == "resolved"
    assert [h.kind for h in ticket.hops.all()] == ["escalate", "return"]
    guidance = Message.objects.get(ticket=ticket, internal=True, author=users["petugas-prov"])
    assert "dapat dijawab KPU Kabupaten Belitung" in guidance.body
    belitung = _signed_in(users["petugas1"])
    page = belitung.get(ticket.get_absolute_url()).content.decode()
    assert guidance.body in page
    requester = _signed_in(users["lo-partai-b"])
    page = requester.get(ticket.get_absolute_url()).content.decode()
    assert guidance.body not in page  # an internal note
    assert "ketua dan sekretaris pengurus partai tingkat kabupaten" in page
