"""Mail in from a real IMAP server (Dovecot on loopback, over TLS) and mail out through a
real SMTP server (aiosmtpd): a reply to our mail comes back into the same ticket, a mail is
marked read only once it is stored, and a crash midway takes nothing in twice."""

from email.message import EmailMessage
from email.utils import make_msgid

import pytest
from django.core.management import call_command
from django.db import OperationalError

from mejabantu.helpdesk.models import Message, Ticket
from mejabantu.helpdesk.services import mail_intake
from mejabantu.mail.models import IncomingMail

DESK = "meja@kpu-belitung.test"
pytestmark = pytest.mark.django_db(transaction=True)  # the worker runs as in production


@pytest.fixture
def desk(office, settings, imap_server):
    office.email = DESK
    office.save(update_fields=["email"])
    settings.MEJABANTU_MAILBOXES = {office.code: imap_server.url("desk-blt")}
    return office


def _mail(subject: str, body: str, sender: str = "Rina <rina@contoh.id>", **headers) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, DESK, subject
    msg["Message-ID"] = make_msgid(domain="contoh.id")
    for name, value in headers.items():
        msg[name.replace("_", "-")] = value
    msg.set_content(body)
    return bytes(msg)


def test_mail_fetched_over_imap_becomes_tickets_and_is_marked_read(desk, imap_server):
    imap_server.deliver("desk-blt", _mail("Jadwal pendaftaran", "Kapan pendaftaran dibuka?"))
    imap_server.deliver(
        "desk-blt",
        _mail("Cuti", "Saya cuti.", sender="kantor@partai.example", Auto_Submitted="auto-replied"),
    )
    imap_server.deliver("desk-blt", _mail("Syarat ijazah", "Perlu legalisasi?"))
    call_command("worker", "--once")
    assert Ticket.objects.filter(requester_email="rina@contoh.id").count() == 2
    assert IncomingMail.objects.filter(outcome="automatic").count() == 1
    assert imap_server.unseen("desk-blt") == 0 and imap_server.count("desk-blt") == 3


def test_a_crash_midway_leaves_the_rest_unread_and_takes_nothing_in_twice(
    desk, imap_server, monkeypatch
):
    for i in range(3):
        imap_server.deliver("desk-blt", _mail(f"Pertanyaan {i}", f"Isi pertanyaan {i}"))
    real = mail_intake.mail_receive
    calls = []

    def dies_on_the_second(*, office, raw):
        calls.append(1)
        if len(calls) == 2:
            raise OperationalError("the database went away")
        return real(office=office, raw=raw)

    monkeypatch.setattr(mail_intake, "mail_receive", dies_on_the_second)
    with pytest.raises(OperationalError):
        mail_intake.mail_fetch_all()
    assert Ticket.objects.filter(requester_email="rina@contoh.id").count() == 1
    assert imap_server.unseen("desk-blt") == 2  # the failed one and the one after it
    monkeypatch.setattr(mail_intake, "mail_receive", real)
    # the server forgets the read mark too (another client, a restore): read all again
    with imap_server.client("desk-blt") as client:
        client.select_folder("INBOX")
        client.remove_flags(client.search(["ALL"]), [b"\\Seen"])
    assert mail_intake.mail_fetch_all() == 3
    subjects = sorted(
        Ticket.objects.filter(requester_email="rina@contoh.id").values_list("subject", flat=True)
    )
    assert subjects == ["Pertanyaan 0", "Pertanyaan 1", "Pertanyaan 2"]
    assert imap_server.unseen("desk-blt") == 0


def test_a_reply_to_our_mail_threads_back_into_the_ticket(desk, imap_server, mailbox):
    imap_server.deliver("desk-blt", _mail("Syarat usia", "Berapa usia minimal calon bupati?"))
    call_command("worker", "--once")  # takes the mail in, then sends the acknowledgement
    ticket = Ticket.objects.get(requester_email="rina@contoh.id")
    (ack,) = mailbox.wait_for(1)
    assert ack["Reply-To"] == DESK and ack["Auto-Submitted"] == "auto-generated"
    assert ticket.reference in ack["Subject"]
    quoted = "\n".join(f"> {line}" for line in mailbox.body(ack).splitlines())
    answer = _mail(
        f"Re: {ack['Subject']}",
        f"Calon bupati atau wali kota paling rendah 25 tahun?\n\n{quoted}",
        In_Reply_To=ack["Message-ID"],
        References=ack["Message-ID"],
    )
    imap_server.deliver("desk-blt", answer)
    call_command("fetch_mail", "--office", desk.code)
    last = Message.objects.filter(ticket=ticket).order_by("-id").first()
    assert last is not None and last.from_requester
    assert last.body == "Calon bupati atau wali kota paling rendah 25 tahun?"
    assert Ticket.objects.filter(requester_email="rina@contoh.id").count() == 1


def test_an_unreachable_mailbox_is_tried_again_later_without_stopping_the_worker(
    desk, settings, caplog
):
    settings.MEJABANTU_MAILBOXES = {desk.code: "imaps://desk-blt:x@127.0.0.1:9/INBOX"}
    assert mail_intake.mail_fetch_all() == 0
    assert "could not be read" in caplog.text
