"""Escalation and forwarding: one ticket, one thread, handled by the office it was handed to
(services.network), with the reason, the audit trail, the receiving office's SLA clocks and
mail to its staff."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied

from mejabantu.helpdesk import selectors, services
from mejabantu.helpdesk.models import AuditEvent, Ticket, TicketHop
from mejabantu.helpdesk.services.notify import mail_topic
from mejabantu.mail.models import OutgoingMail
from mejabantu.offices.models import Office

WIB = ZoneInfo("Asia/Jakarta")


def _fresh(ticket: Ticket) -> Ticket:
    return Ticket.objects.select_related("office", "handling_office", "category").get(pk=ticket.pk)


def test_an_officer_escalates_to_the_province_and_it_stays_one_ticket(users, ask, network):
    ticket = ask(subject="Syarat calon gubernur", body="Berapa kursi untuk calon gubernur?")
    services.ticket_take(ticket=ticket, actor=users["petugas1"])
    services.message_add(ticket=ticket, actor=users["petugas1"], body="Kami teruskan ke provinsi.")

    result = services.ticket_escalate(
        ticket=ticket,
        to_office=network.province,
        reason="Pertanyaan tentang pemilihan gubernur.",
        actor=users["petugas1"],
    )

    assert result.pk == ticket.pk
    ticket = _fresh(ticket)
    assert ticket.office.code == "19.02" and ticket.handling_office.code == "19"
    assert ticket.assignee is None  # the province picks its own officer
    assert Ticket.objects.filter(reference=ticket.reference).count() == 1
    hop = TicketHop.objects.get(ticket=ticket)
    assert (hop.from_office.code, hop.to_office.code, hop.kind) == ("19.02", "19", "escalate")
    assert hop.reason == "Pertanyaan tentang pemilihan gubernur." and hop.actor == users["petugas1"]
    event = AuditEvent.objects.filter(ticket=ticket).last()
    assert event.action == "escalated"
    assert event.changes["handling_office"][1]["label"] == str(network.province)
    # the requester keeps the one thread, with the reply given before the hop
    mine = selectors.ticket_get(user=users["lo-partai-a"], reference=ticket.reference)
    thread = selectors.messages_visible_to(user=users["lo-partai-a"], ticket=mine)
    assert [m.body for m in thread] == ["Kami teruskan ke provinsi."]


def test_a_question_sent_to_the_wrong_regency_is_forwarded_to_the_right_one(users, ask, network):
    ticket = ask()
    services.ticket_forward(
        ticket=ticket,
        to_office=network.beltim,
        reason="Pemohon berdomisili di Belitung Timur.",
        actor=users["petugas1"],
    )
    ticket = _fresh(ticket)
    assert ticket.handling_office == network.beltim
    assert TicketHop.objects.get(ticket=ticket).kind == "forward"
    # the receiving regency handles it: it replies, and the reply reaches the requester
    services.message_add(ticket=ticket, actor=network.beltim_officer, body="Kami jawab.")
    assert _fresh(ticket).first_response_at is not None


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("to a regency", "Eskalasi hanya ke kantor di atas KPU Kabupaten Belitung"),
        ("to itself", "KPU Kabupaten Belitung sudah menangani tiket ini"),
        ("no reason", "Tulis alasannya"),
        ("closed", "Tiket yang sudah ditutup tidak dapat diteruskan"),
        ("merged", "Tiket ini telah digabung ke"),
    ],
)
def test_a_hop_that_cannot_be_made_is_refused_in_indonesian(users, ask, network, case, message):
    ticket = ask()
    to_office, reason = network.province, "Kewenangan provinsi."
    if case == "to a regency":
        to_office = network.beltim
    elif case == "to itself":
        to_office = network.regency
    elif case == "no reason":
        reason = "   "
    elif case == "closed":
        services.ticket_update(
            ticket=ticket, actor=users["petugas1"], expected_version=None, status="closed"
        )
    elif case == "merged":
        target = ask(subject="Pertanyaan yang sama")
        services.ticket_merge(source=ticket, target=target, actor=users["petugas1"])
    with pytest.raises(services.HelpdeskError) as refused:
        services.ticket_escalate(
            ticket=ticket, to_office=to_office, reason=reason, actor=users["petugas1"]
        )
    assert message in " ".join(refused.value.messages)
    assert _fresh(ticket).handling_office == network.regency
    assert not TicketHop.objects.filter(ticket=ticket).exists()


def test_the_forward_of_a_ticket_to_the_office_handling_it_is_refused(users, ask, network):
    ticket = ask()
    with pytest.raises(services.HelpdeskError, match="sudah menangani tiket ini"):
        services.ticket_forward(
            ticket=ticket, to_office=network.regency, reason="x", actor=users["petugas1"]
        )


def test_only_the_handling_office_hands_a_ticket_on(users, ask, network):
    ticket = ask()
    for outsider in (users["lo-partai-a"], network.prov_officer, network.beltim_officer):
        with pytest.raises(PermissionDenied):
            services.ticket_escalate(
                ticket=ticket, to_office=network.province, reason="x", actor=outsider
            )
    services.ticket_escalate(
        ticket=ticket, to_office=network.province, reason="Provinsi", actor=users["petugas1"]
    )
    with pytest.raises(PermissionDenied):  # the asking office no longer handles it
        services.ticket_escalate(
            ticket=_fresh(ticket), to_office=network.ri, reason="RI", actor=users["petugas1"]
        )
    services.ticket_escalate(
        ticket=_fresh(ticket), to_office=network.ri, reason="Juknis", actor=network.prov_officer
    )
    assert _fresh(ticket).handling_office == network.ri
    assert [h.kind for h in selectors.ticket_hops(ticket=ticket)] == ["escalate", "escalate"]


def test_the_asking_office_adds_internal_notes_only_once_the_ticket_is_handed_on(
    users, ask, network
):
    ticket = ask()
    services.ticket_escalate(
        ticket=ticket, to_office=network.province, reason="Provinsi", actor=users["petugas1"]
    )
    note = services.message_add(
        ticket=ticket, actor=users["petugas1"], body="Pemohon sudah menelepon.", internal=True
    )
    assert note.internal
    with pytest.raises(services.HelpdeskError, match="hanya petugasnya yang membalas pemohon"):
        services.message_add(ticket=ticket, actor=users["petugas1"], body="Jawaban kami.")
    with pytest.raises(PermissionDenied):
        services.ticket_update(
            ticket=ticket, actor=users["petugas1"], expected_version=None, status="closed"
        )
    services.message_add(ticket=ticket, actor=network.prov_officer, body="Jawaban provinsi.")
    services.ticket_update(
        ticket=ticket,
        actor=network.prov_officer,
        expected_version=None,
        assignee=network.prov_officer,
    )
    assert _fresh(ticket).assignee == network.prov_officer


def test_the_province_returns_the_ticket_with_guidance_as_an_internal_note(users, ask, network):
    ticket = ask()
    services.ticket_escalate(
        ticket=ticket, to_office=network.province, reason="Provinsi", actor=users["petugas1"]
    )
    services.ticket_return(
        ticket=ticket,
        guidance="Jawab dengan Pasal 40 UU 10/2016 dan putusan MK 60.",
        actor=network.prov_officer,
    )
    ticket = _fresh(ticket)
    assert ticket.handling_office == network.regency and not ticket.is_handed_on
    assert [h.kind for h in selectors.ticket_hops(ticket=ticket)] == ["escalate", "return"]
    staff_thread = selectors.messages_visible_to(user=users["petugas1"], ticket=ticket)
    assert [(m.body, m.internal) for m in staff_thread] == [
        ("Jawab dengan Pasal 40 UU 10/2016 dan putusan MK 60.", True)
    ]
    assert selectors.messages_visible_to(user=users["lo-partai-a"], ticket=ticket) == []
    # handled where it was asked again: the regency answers its requester
    services.message_add(ticket=ticket, actor=users["petugas1"], body="Jawaban kami.")
    with pytest.raises(services.HelpdeskError, match="tidak ada yang dikembalikan"):
        services.ticket_return(ticket=ticket, guidance="lagi", actor=users["petugas1"])


def test_every_hop_mails_the_receiving_office_s_staff(users, ask, network):
    ticket = ask()
    OutgoingMail.objects.all().delete()
    services.ticket_escalate(
        ticket=ticket,
        to_office=network.province,
        reason="Pertanyaan tentang pemilihan gubernur.",
        actor=users["petugas1"],
    )
    mails = list(OutgoingMail.objects.filter(topic=mail_topic(ticket)))
    # every officer and coordinator of the province (the demo has petugas-prov, koordinator-prov)
    staff = {network.prov_officer.email, users["koordinator-prov"].email}
    assert sorted(m.to for m in mails) == sorted(staff)
    assert ticket.reference in mails[0].subject and "Eskalasi" in mails[0].subject
    assert "Pertanyaan tentang pemilihan gubernur." in mails[0].body
    assert "KPU Kabupaten Belitung" in mails[0].body


def test_after_a_hop_the_clocks_run_in_the_receiving_office_s_working_time(users, ask, network):
    """Asked in Belitung (WIB) on Friday 14.00; forwarded on Monday 07.00 WIB to an office in
    WITA whose desk opens at 07.30 WITA (06.30 WIB): its four working hours start at once
    (08.00 WITA) and end at its 12.00 break, 11.00 WIB."""
    from mejabantu.offices import services as office_services
    from mejabantu.offices.demo import load_hours

    makassar = Office.objects.get(code="73.71", timezone=Office.TimeZone.WITA)  # of the network
    load_hours(makassar)  # the derived week it was created with
    office_services.sla_policy_save(
        office=makassar,
        actor=None,
        category_code="",
        priority="",
        first_response_minutes=240,
        resolution_minutes=1_350,
    )
    with time_machine.travel(datetime(2024, 8, 23, 14, 0, tzinfo=WIB), tick=False):
        ticket = ask()
    # Belitung's clock: 150 minutes on Friday, 90 more from Monday 07.30
    assert ticket.first_response_due == datetime(2024, 8, 26, 9, 0, tzinfo=WIB)
    with time_machine.travel(datetime(2024, 8, 26, 7, 0, tzinfo=WIB), tick=False):
        services.ticket_forward(
            ticket=ticket, to_office=makassar, reason="Salah alamat", actor=users["petugas1"]
        )
        ticket = _fresh(ticket)
    assert ticket.first_response_due == datetime(2024, 8, 26, 11, 0, tzinfo=WIB)
    assert ticket.sla_due == ticket.first_response_due and ticket.sla_state == "ok"
    assert ticket.queue_rank == ticket.first_response_due
