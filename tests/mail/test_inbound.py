"""Mail as real mail programs write it: what the sender wrote this time, without the mail
they quote; who sent it; what it answers."""

from pathlib import Path

import pytest

from mejabantu.mail.inbound import parse

CORPUS = Path(__file__).resolve().parent.parent / "data" / "mail"


@pytest.mark.parametrize(
    "name, reply, answers",
    [
        (
            "gmail_reply_id.eml",
            "Terima kasih, Bu. Apakah fotokopi ijazah perlu dilegalisasi oleh sekolah\n"
            "asal atau cukup oleh dinas pendidikan?\n\nSalam,\nRina",
            ["ticket-reply.1@mejabantu.test"],
        ),
        (
            "outlook_reply.eml",
            "Dear desk,\n\nWe will bring the documents on Wednesday. Is the café room on the "
            "2nd floor open?\n\nRegards",
            ["ticket-reply.2@mejabantu.test", "ticket-created.2@mejabantu.test"],
        ),
        (
            "yahoo_reply.eml",
            "Baik, kami akan datang hari Rabu pukul 09.00.",
            ["ticket-reply.3@mejabantu.test"],
        ),
        ("apple_mail_reply.eml", "Sudah kami terima, terima kasih.\n\nDewi", []),
    ],
)
def test_replies_from_common_mail_programs_lose_the_quoted_mail(name, reply, answers):
    mail = parse((CORPUS / name).read_bytes())
    assert mail.reply == reply
    assert mail.thread_ids == answers
    assert not mail.automatic
    assert mail.text.startswith(reply.split("\n")[0])  # the whole text is kept too


def test_sender_addresses_are_compared_in_lower_case():
    mail = parse((CORPUS / "outlook_reply.eml").read_bytes())
    assert (mail.sender, mail.sender_name) == ("tim@example.net", "Tim Pemenangan")


@pytest.mark.parametrize(
    "name, why",
    [("out_of_office.eml", "Auto-Submitted"), ("bounce.eml", "delivery status notification")],
)
def test_machines_are_recognised(name, why):
    assert why in parse((CORPUS / name).read_bytes()).automatic
