"""Notifications go through the outbox and the worker to a real SMTP server."""

import socket
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from mejabantu.helpdesk import services
from mejabantu.helpdesk.services.notify import mail_topic
from mejabantu.mail.models import OutgoingMail

# The worker closes database connections between rounds, as in production, so these tests
# run with real transactions instead of one wrapping the test.
pytestmark = pytest.mark.django_db(transaction=True)


def _run_worker():
    call_command("worker", "--once")


def test_public_reply_reaches_the_requester_by_smtp(
    mailbox, ask, users, django_capture_on_commit_callbacks
):
    users["lo-partai-a"].email = "dewi@pdip-belitung.example"
    users["lo-partai-a"].save()
    with django_capture_on_commit_callbacks(execute=True):
        ticket = ask()
        services.message_add(ticket=ticket, actor=users["petugas1"], body="Usia minimal 25 tahun.")
    assert mailbox.messages == []  # nothing is sent inside the request
    _run_worker()
    received = mailbox.wait_for(2)
    to_dewi = mailbox.to("dewi@pdip-belitung.example")
    assert len(to_dewi) == 2
    subjects = sorted(m["Subject"] for m in to_dewi)
    assert any("sudah kami terima" in s and ticket.reference in s for s in subjects)
    reply = next(m for m in received if "balasan" in m["Subject"])
    assert "Usia minimal 25 tahun." in mailbox.body(reply)


def test_requester_reply_and_assignment_notify_officers(
    mailbox, ask, users, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ticket = ask()
        services.ticket_update(
            ticket=ticket,
            actor=users["koordinator"],
            expected_version=None,
            assignee=users["petugas2"],
        )
        services.message_add(ticket=ticket, actor=users["lo-partai-a"], body="Tambahan data")
    _run_worker()
    mailbox.wait_for(3)
    to_officer = mailbox.to(users["petugas2"].email)
    assert {m["Subject"].split("] ")[1] for m in to_officer} == {
        "Sebuah tiket ditugaskan kepada Anda",
        "Pemohon membalas",
    }


def test_a_refused_mail_is_retried_and_the_ticket_is_intact(
    mailbox, ask, users, django_capture_on_commit_callbacks
):
    mailbox.fail_next = 1
    with django_capture_on_commit_callbacks(execute=True):
        ticket = ask()
    _run_worker()
    mail = OutgoingMail.objects.get(topic=mail_topic(ticket))
    assert mail.state == "pending" and mail.attempts == 1 and "451" in mail.last_error
    assert ticket.messages.count() == 0 and ticket.pk
    OutgoingMail.objects.filter(pk=mail.pk).update(next_attempt_at=timezone.now())
    _run_worker()
    mail.refresh_from_db()
    assert mail.state == "sent" and mail.attempts == 2
    assert len(mailbox.wait_for(1)) == 1


def test_a_dead_mail_server_never_blocks_asking(ask, users, settings):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port
    ticket = ask()
    from mejabantu.mail.services import mail_sweep

    assert mail_sweep() == 0
    mail = OutgoingMail.objects.get(topic=mail_topic(ticket))
    assert mail.state == "pending" and mail.next_attempt_at > timezone.now() + timedelta(seconds=30)
    assert ticket.reference


def test_a_question_is_mailed_in_the_worker_s_next_round_not_only_by_the_sweep(mailbox, ask, users):
    """The outbox is the queue: a round sends what is due, with no task queued for it."""
    from django_tasks_db.models import DBTaskResult

    from mejabantu.core import periodic

    users["lo-partai-a"].email = "dewi@pdip-belitung.example"
    users["lo-partai-a"].save()
    ticket = ask()
    assert not DBTaskResult.objects.exists()
    every_round = [job for job in periodic.REGISTRY.values() if job.every_seconds == 0]
    assert every_round
    for job in every_round:  # a round in which the 30-second sweep is not due
        job.func()
    (received,) = mailbox.wait_for(1)
    assert ticket.reference in received["Subject"]
    assert OutgoingMail.objects.get(topic=mail_topic(ticket)).state == "sent"


def test_a_hanging_mail_server_costs_one_timeout_per_round_not_one_per_mail(ask, settings):
    """A server that accepts and never answers: the round gives up after the first mail, so
    the worker's SLA sweeps and reminders do not wait behind every queued mail."""
    import threading

    from mejabantu.mail.services import mail_send_due

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted = []

    def accept_and_stay_silent():
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            accepted.append(conn)

    threading.Thread(target=accept_and_stay_silent, daemon=True).start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", listener.getsockname()[1]
    settings.EMAIL_TIMEOUT = 0.5
    for n in range(5):
        ask(subject=f"Pertanyaan {n}")
    try:
        assert mail_send_due() == 0
        assert len(accepted) == 1  # one try, not five
        pending = OutgoingMail.objects.filter(state="pending")
        assert pending.count() == OutgoingMail.objects.count() >= 5
        assert sorted(pending.values_list("attempts", flat=True))[-1] == 1
    finally:
        listener.close()
        for conn in accepted:
            conn.close()


def test_a_plain_text_mail_reads_as_written_not_html_escaped(
    mailbox, ask, users, django_capture_on_commit_callbacks
):
    users["lo-partai-a"].email = "dewi@pdip-belitung.example"
    users["lo-partai-a"].save()
    with django_capture_on_commit_callbacks(execute=True):
        ticket = ask(subject="Syarat <S1> & D'III")
        services.message_add(ticket=ticket, actor=users["petugas1"], body='Bawa "SK" & KTP <asli>.')
    _run_worker()
    mails = mailbox.wait_for(2)
    text = "\n".join(m["Subject"] + mailbox.body(m) for m in mails)
    assert "Syarat <S1> & D'III" in text and 'Bawa "SK" & KTP <asli>.' in text
    assert "&lt;" not in text and "&amp;" not in text and "&#x27;" not in text


def test_links_in_mail_point_at_the_port_the_site_runs_on(tmp_path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "MEJABANTU_SITE_URL"}
    env.update(PORT="8123", MEJABANTU_DEMO="1", MEJABANTU_VAR=str(tmp_path))
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "mejabantu",
            "shell",
            "-c",
            "from django.conf import settings; print(settings.MEJABANTU_SITE_URL)",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.strip().splitlines()[-1] == "http://127.0.0.1:8123"
