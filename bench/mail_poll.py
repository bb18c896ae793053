"""One IMAP poll of N new mails: a Dovecot of its own on loopback (TLS), N questions delivered
to the desk's mailbox, then the time the worker's fetch takes to make them tickets.

    MEJABANTU_DEMO=1 MEJABANTU_VAR=$PWD/bench/out/mailvar \\
        DATABASE_URL=sqlite:///$PWD/bench/out/mail.sqlite3 \\
        .venv/bin/python bench/mail_poll.py --mails 1000

Needs Debian's Dovecot (scripts/test-services.sh installs it). Prints the delivery time (not
part of the goal), the poll's wall time, mails per second, and how many tickets it made; the
issue's goal is 1,000 mails in at most 60 s. A second poll of the same, now read, mailbox is
timed too (nothing new: it must cost next to nothing).
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mejabantu.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

from mejabantu.helpdesk.models import Ticket  # noqa: E402
from mejabantu.helpdesk.services.mail_intake import mail_fetch  # noqa: E402
from mejabantu.mail.services import mail_silenced  # noqa: E402
from mejabantu.offices.models import Office  # noqa: E402
from tests.fixtures.imap import Dovecot  # noqa: E402

WORDS = "syarat calon ijazah dukungan perseorangan jadwal pendaftaran usia SKCK partai".split()


def question(i: int) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Penanya {i} <penanya{i}@contoh.id>"
    msg["To"] = "meja@kpu-belitung.test"
    msg["Subject"] = f"Pertanyaan {i}: {WORDS[i % len(WORDS)]}"
    msg["Message-ID"] = f"<bench-{i}-{time.time_ns()}@contoh.id>"
    msg.set_content(" ".join(WORDS[(i + k) % len(WORDS)] for k in range(40)) + "?")
    return bytes(msg)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mails", type=int, default=1000)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("demo", verbosity=0)
    office = Office.objects.get(code="19.02")
    root = Path(tempfile.mkdtemp(prefix="mejabantu-bench-imap-"))
    os.chmod(root, 0o755)  # noqa: S103 - Dovecot's own users read the server's files
    server = Dovecot(root, ["desk-blt"])
    try:
        server.start()
        settings.IMAP_CA_FILE = server.ca_file
        settings.MAIL_SENDER_RATE = 10**6  # a bench, not a runaway sender
        began = time.perf_counter()
        with server.client("desk-blt") as client:
            for i in range(args.mails):
                client.append("INBOX", question(i), flags=())
        delivered = time.perf_counter() - began
        before = Ticket.objects.count()
        began = time.perf_counter()
        with mail_silenced():  # the acknowledgements would go to the outbox: not timed here
            taken, left = mail_fetch(office, server.url("desk-blt"))
        poll = time.perf_counter() - began
        made = Ticket.objects.count() - before
        began = time.perf_counter()
        again, _left = mail_fetch(office, server.url("desk-blt"))
        idle = time.perf_counter() - began
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
    db = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(f"mail poll ({db}): {args.mails:,} mails delivered in {delivered:.1f} s")
    print(
        f"  poll: {taken:,} taken in, {left} left unread, {made:,} tickets, {poll:.1f} s "
        f"({taken / poll:.0f} mails/s; goal: 1,000 in <= 60 s)"
    )
    print(f"  second poll, nothing new: {again} taken in, {idle * 1000:.0f} ms")
    print("rerun: .venv/bin/python bench/mail_poll.py --mails 1000 (see the docstring)")


if __name__ == "__main__":
    main()
