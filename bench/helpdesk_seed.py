"""Seed a benchmark database with N tickets of KPU Kabupaten Belitung, 3 messages each.

    MEJABANTU_DEMO=1 DATABASE_URL=sqlite:///bench/out/bench.sqlite3 \
        .venv/bin/python bench/helpdesk_seed.py --tickets 20000

The demo data is loaded first (offices, accounts, categories); tickets are bulk-inserted
with realistic spread over statuses, categories, channels and organisations.
"""

import argparse
import os
import random
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mejabantu.settings")
os.environ.setdefault("MEJABANTU_DEMO", "1")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

from mejabantu.accounts.models import Organisation, User  # noqa: E402
from mejabantu.helpdesk.models import Category, Message, ReferenceCounter, Ticket  # noqa: E402
from mejabantu.offices.models import Office  # noqa: E402

OPEN = ("new", "in_progress", "waiting")
WORDS = (
    "syarat usia calon bupati ambang batas suara sah partai gabungan dokumen SKCK LHKPN "
    "ijazah legalisir pendaftaran jadwal penetapan SILON akun unggah perseorangan dukungan "
    "kecamatan surat keputusan DPP pengunduran diri ASN kepala desa kesehatan"
).split()


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "?"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=20000)
    args = parser.parse_args()
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("demo", verbosity=0)
    office = Office.objects.get(code="19.02")
    orgs = list(Organisation.objects.filter(office=office))
    officers = list(User.objects.filter(office=office))
    categories = list(Category.objects.filter(office__isnull=True))
    rng = random.Random(2024)
    counter, _ = ReferenceCounter.objects.get_or_create(office=office, year=2024)
    start_no = counter.last
    base = timezone.now() - timedelta(days=50)
    statuses = ["new"] * 2 + ["in_progress"] * 3 + ["waiting"] + ["resolved"] * 6 + ["closed"]
    batch = 2000
    made = 0
    while made < args.tickets:
        n = min(batch, args.tickets - made)
        tickets = []
        for i in range(n):
            no = start_no + made + i + 1
            org = rng.choice(orgs)
            at = base + timedelta(minutes=rng.randint(0, 50 * 24 * 60))
            status = rng.choice(statuses)
            due = at + timedelta(hours=rng.choice([4, 24, 72])) if status in OPEN else None
            tickets.append(
                Ticket(
                    office=office,
                    handling_office=office,
                    reference=f"BLT-2024-{no:06d}",
                    organisation=org,
                    requester_name=org.name,
                    category=rng.choice(categories),
                    subject=sentence(rng, 5)[:200],
                    body=sentence(rng, 30),
                    channel=rng.choice(["web", "web", "desk", "phone", "whatsapp"]),
                    status=status,
                    sla_due=due,
                    resolution_due=due,
                    queue_rank=due,
                    assignee=rng.choice(officers + [None]),
                    received_at=at,
                    created_at=at,
                    updated_at=at,
                    idempotency_key=uuid.uuid4(),
                    message_count=3,
                )
            )
        created = Ticket.objects.bulk_create(tickets)
        if created and created[0].pk is None:  # backends without RETURNING on bulk insert
            created = list(
                Ticket.objects.filter(reference__in=[t.reference for t in tickets]).order_by("pk")
            )
        messages = []
        for t in created:
            for k in range(3):
                messages.append(
                    Message(
                        ticket=t,
                        author_name="Petugas" if k % 2 else t.requester_name,
                        from_requester=k % 2 == 0,
                        internal=k == 1,
                        body=sentence(rng, 20),
                        created_at=t.received_at + timedelta(minutes=30 * (k + 1)),
                    )
                )
        Message.objects.bulk_create(messages)
        made += n
        print(f"\r  {made:,}/{args.tickets:,} tickets", end="", flush=True)
    counter.last = start_no + made
    counter.save()
    Office.bump("tickets_version", pk=office.pk)  # pages cached before the seed are out of date
    from django.db import connection

    with connection.cursor() as cursor:  # fresh planner statistics, as autovacuum would give
        cursor.execute("ANALYZE")
    print(
        f"\nseeded {made:,} tickets and {made * 3:,} messages in "
        f"{time.perf_counter() - started:.1f} s; total tickets now {Ticket.objects.count():,}"
    )


if __name__ == "__main__":
    main()
