"""Questions by e-mail: a mail to the office's mailbox becomes a ticket or joins the one it
answers; machines are never answered; nothing is taken in twice. The corpus under
tests/data/mail holds real mail shapes (Gmail, Outlook, Yahoo, Apple Mail, an out-of-office
reply, a bounce, attachments, character sets)."""

import io
import sys
from email.message import EmailMessage
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import OperationalError

from mejabantu.helpdesk import services
from mejabantu.helpdesk.models import Channel, Message, Ticket
from mejabantu.helpdesk.services.mail_intake import mail_receive
from mejabantu.helpdesk.services.notify import mail_topic
from mejabantu.mail.models import IncomingMail, OutgoingMail

CORPUS = Path(__file__).resolve().parent.parent / "data" / "mail"
DESK = "meja@kpu-belitung.test"


@pytest.fixture
def desk(office, settings):
    """KPU Kabupaten Belitung with a mailbox Mejabantu reads."""
    office.email = DESK
    office.save(update_fields=["email"])
    settings.MEJABANTU_MAILBOXES = {office.code: "imaps://desk-blt:x@127.0.0.1:1/INBOX"}
    return office


def _mail(
    sender="Rina <rina@contoh.id>",
    subject="Syarat dukungan calon perseorangan",
    body="Berapa jumlah dukungan minimal?",
    message_id=None,
    **headers,
) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = DESK
    msg["Subject"] = subject
    if message_id:
        msg["Message-ID"] = f"<{message_id}>"
    for name, value in headers.items():
        msg[name.replace("_", "-")] = value
    msg.set_content(body)
    return bytes(msg)


def _outgoing_to(address: str) -> list[OutgoingMail]:
    return list(OutgoingMail.objects.filter(to=address).order_by("created_at", "id"))


def test_a_stranger_s_mail_becomes_a_public_ticket_answered_with_its_secret_link(desk):
    record = mail_receive(office=desk, raw=_mail(message_id="q1@contoh.id"))
    ticket = Ticket.objects.get(pk=int(record.topic.split(":")[1]))
    assert record.outcome == IncomingMail.Outcome.TICKET
    assert ticket.channel == Channel.EMAIL and ticket.organisation_id is None
    assert (ticket.requester_name, ticket.requester_email) == ("Rina", "rina@contoh.id")
    assert ticket.subject == "Syarat dukungan calon perseorangan"
    (ack,) = _outgoing_to("rina@contoh.id")
    assert ticket.reference in ack.subject and "/tiket/ikuti/" in ack.body
    assert ack.reply_to == DESK and ack.message_id and ack.automatic


def test_an_operator_s_mail_is_a_ticket_of_their_party(desk, users):
    operator = users["lo-partai-a"]
    operator.email = "Dewi@PDIP-Belitung.example"
    operator.save(update_fields=["email"])
    record = mail_receive(office=desk, raw=_mail(sender="Dewi <dewi@pdip-belitung.example>"))
    ticket = Ticket.objects.get(pk=int(record.topic.split(":")[1]))
    assert ticket.organisation_id == operator.organisation_id
    assert ticket.requester_id == operator.pk and ticket.channel == Channel.EMAIL


def test_a_reply_joins_its_ticket_by_the_mail_it_answers_without_the_quoted_text(desk, users):
    first = mail_receive(office=desk, raw=_mail(message_id="q2@contoh.id"))
    ticket = Ticket.objects.get(pk=int(first.topic.split(":")[1]))
    services.message_add(ticket=ticket, actor=users["petugas1"], body="Minimal 6,5 persen DPT.")
    sent = _outgoing_to("rina@contoh.id")[-1]  # the officer's reply, by mail
    assert not sent.automatic
    reply = _mail(
        subject=f"Re: {sent.subject}",
        body=(
            "Terima kasih. Apakah harus tersebar di separuh kecamatan?\n\n"
            "Pada Sen, 2 Sep 2024 pukul 10.15 Meja Bantuan <meja@kpu-belitung.test> menulis:\n"
            "> Minimal 6,5 persen DPT.\n"
        ),
        message_id="r2@contoh.id",
        In_Reply_To=f"<{sent.message_id}>",
        References=f"<{sent.message_id}>",
    )
    record = mail_receive(office=desk, raw=reply)
    assert record.outcome == IncomingMail.Outcome.REPLY and record.topic == mail_topic(ticket)
    last = Message.objects.filter(ticket=ticket).order_by("-id").first()
    assert last.from_requester and not last.internal
    assert last.body == "Terima kasih. Apakah harus tersebar di separuh kecamatan?"
    assert b"Pada Sen, 2 Sep 2024" in record.raw.read()  # the original is kept whole
    assert Ticket.objects.filter(requester_email="rina@contoh.id").count() == 1


def test_the_subject_s_reference_joins_a_ticket_only_for_its_requester(desk):
    first = mail_receive(office=desk, raw=_mail(message_id="q3@contoh.id"))
    ticket = Ticket.objects.get(pk=int(first.topic.split(":")[1]))
    stranger = mail_receive(
        office=desk,
        raw=_mail(sender="budi@lain.example", subject=f"[{ticket.reference}] tambahan"),
    )
    assert stranger.outcome == IncomingMail.Outcome.TICKET and stranger.topic != first.topic
    own = mail_receive(
        office=desk,
        raw=_mail(subject=f"Fwd: [{ticket.reference}] tambahan", body="Lampiran menyusul."),
    )
    assert own.outcome == IncomingMail.Outcome.REPLY and own.topic == first.topic


@pytest.mark.parametrize("name", ["out_of_office.eml", "bounce.eml"])
def test_auto_replies_and_bounces_make_no_ticket_and_get_no_answer(desk, name):
    before = (Ticket.objects.count(), OutgoingMail.objects.count())
    record = mail_receive(office=desk, raw=(CORPUS / name).read_bytes())
    assert record.outcome == IncomingMail.Outcome.AUTOMATIC and record.note
    assert (Ticket.objects.count(), OutgoingMail.objects.count()) == before


def test_mail_from_the_office_itself_or_an_officer_is_not_taken_in(desk, users):
    assert mail_receive(office=desk, raw=_mail(sender=DESK)).outcome == "own"
    officer = users["petugas1"]
    record = mail_receive(office=desk, raw=_mail(sender=officer.email, message_id="o@x"))
    assert record.outcome == IncomingMail.Outcome.REFUSED
    assert not Ticket.objects.filter(requester_email=officer.email).exists()


def test_the_same_mail_twice_makes_one_ticket(desk):
    raw = _mail(message_id="twice@contoh.id")
    first, second = mail_receive(office=desk, raw=raw), mail_receive(office=desk, raw=raw)
    assert first.pk == second.pk
    assert Ticket.objects.filter(requester_email="rina@contoh.id").count() == 1
    assert len(_outgoing_to("rina@contoh.id")) == 1


def test_a_runaway_sender_is_stopped_after_the_hourly_limit(desk, settings):
    settings.MAIL_SENDER_RATE = 3
    outcomes = [
        mail_receive(office=desk, raw=_mail(subject=f"Pertanyaan {i}")).outcome for i in range(5)
    ]
    assert outcomes == ["ticket"] * 3 + ["limited"] * 2
    assert Ticket.objects.filter(requester_email="rina@contoh.id").count() == 3


def test_a_refused_attachment_is_named_to_the_sender_and_the_ticket_kept(desk):
    raw = (CORPUS / "new_question_attachments.eml").read_bytes()
    record = mail_receive(office=desk, raw=raw)
    ticket = Ticket.objects.get(pk=int(record.topic.split(":")[1]))
    assert ticket.subject == "Syarat dukungan calon perseorangan — formulir B.1"
    assert [a.original_name for a in ticket.attachments.all()] == ["rekap-dukungan.pdf"]
    assert "formulir.exe" in record.note
    told = [m for m in _outgoing_to("relawan@example.com") if "formulir.exe" in m.body]
    assert len(told) == 1 and ticket.reference in told[0].subject


def test_character_sets_and_html_only_mail_read_as_plain_text(desk):
    latin = mail_receive(office=desk, raw=(CORPUS / "latin1_subject.eml").read_bytes())
    ticket = Ticket.objects.get(pk=int(latin.topic.split(":")[1]))
    assert ticket.subject == "Pertanyaan soal pemantau (café)"
    assert ticket.requester_name == "José Fernández" and "café Belitung" in ticket.body
    html = mail_receive(office=desk, raw=(CORPUS / "html_only.eml").read_bytes())
    body = Ticket.objects.get(pk=int(html.topic.split(":")[1])).body
    assert "pindah domisili & belum punya KTP-el" in body
    assert "alert" not in body and "<" not in body and "color" not in body


def _receive_command(raw: bytes, *args: str, monkeypatch) -> int:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    try:
        call_command("receive_mail", *args, stdout=io.StringIO(), stderr=io.StringIO())
    except SystemExit as exit_:
        return int(exit_.code or 0)
    return 0


def test_the_mta_pipe_command_stores_and_asks_for_a_retry_when_the_database_is_away(
    desk, monkeypatch
):
    assert (
        _receive_command(_mail(message_id="pipe@x"), "--office", desk.code, monkeypatch=monkeypatch)
        == 0
    )
    assert IncomingMail.objects.filter(message_id="pipe@x", outcome="ticket").exists()
    assert _receive_command(_mail(), "--office", "99.99", monkeypatch=monkeypatch) == 67

    def away(**kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("mejabantu.helpdesk.management.commands.receive_mail.mail_receive", away)
    assert (
        _receive_command(
            _mail(message_id="later@x"), "--office", desk.code, monkeypatch=monkeypatch
        )
        == 75
    )
    assert not IncomingMail.objects.filter(message_id="later@x").exists()
