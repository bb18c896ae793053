"""One guidance (juknis) answer sent to N linked tickets over many offices, on one worker.

    export MEJABANTU_DEMO=1 MEJABANTU_VAR=$PWD/bench/out/var
    export DATABASE_URL=sqlite:///$PWD/bench/out/guidance.sqlite3   # or postgres:///NAME
    .venv/bin/python bench/guidance_broadcast.py --tickets 10000 --offices 50
    .venv/bin/python bench/guidance_broadcast.py --tickets 10000 --offices 50 --kill-at 0.4

Each run seeds a fresh item of KPU RI with N open tickets spread over ``--offices`` regency
offices (each with the demo's working hours and SLA policies), linked to it through the
service's audit trail (so every clock has its pause to close), then publishes the answer.

Without ``--kill-after`` the answer is sent in this process, as the worker's task does
(``guidance_broadcast``), and the time (wall and CPU) is printed. With ``--kill-at F`` the
real worker (``mejabantu worker``) is started, killed with SIGKILL once a fraction F of the
tickets is answered, and started again with ``--once`` (its periodic resume finishes the
item); the script then checks that every ticket got the answer exactly once. The goal:
10,000 tickets in at most 60 s.
"""

import argparse
import os
import signal
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mejabantu.settings")
os.environ.setdefault("MEJABANTU_DEMO", "1")
os.environ.setdefault("EMAIL_URL", "dummy://")  # the mails are queued; sending is not measured

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.utils import timezone  # noqa: E402

from mejabantu.accounts.models import User  # noqa: E402
from mejabantu.helpdesk.models import AuditEvent, Category, Message, Ticket  # noqa: E402
from mejabantu.helpdesk.services import guidance  # noqa: E402
from mejabantu.helpdesk.services.sla import sla_fields  # noqa: E402
from mejabantu.knowledge.models import PendingGuidance  # noqa: E402
from mejabantu.offices import demo as offices_demo  # noqa: E402
from mejabantu.offices.models import Office, SlaPolicy  # noqa: E402


def bench_offices(n: int) -> list[Office]:
    """n regency offices under the demo province, with hours and SLA policies (idempotent)."""
    prov = Office.objects.get(code="19")
    template = list(SlaPolicy.objects.filter(office__code="19.02"))
    offices = []
    for i in range(n):
        office, created = Office.objects.get_or_create(
            code=f"99.{i:02d}",
            defaults={
                "name": f"KPU Kabupaten Bangku {i}",
                "short_code": f"BK{i:02d}",
                "level": "kabupaten",
                "parent": prov,
            },
        )
        if created:
            offices_demo.load_hours(office)
            SlaPolicy.objects.bulk_create(
                SlaPolicy(
                    office=office,
                    category_code=p.category_code,
                    priority=p.priority,
                    first_response_minutes=p.first_response_minutes,
                    resolution_minutes=p.resolution_minutes,
                    warning_percent=p.warning_percent,
                )
                for p in template
            )
        offices.append(office)
    return offices


def seed(n: int, offices: list[Office], ri_staff: User) -> PendingGuidance:
    """A fresh KPU RI item with n open tickets linked to it, as the link service records it."""
    item = PendingGuidance.objects.create(
        title=f"Menunggu juknis: penghitungan usia (bench {uuid.uuid4().hex[:6]})",
        office=ri_staff.office,
        created_by=ri_staff,
    )
    category = Category.objects.filter(office__isnull=True).first()
    now = timezone.now()
    linked_at = now - timedelta(hours=2)
    received = now - timedelta(days=1)
    run = uuid.uuid4().hex[:6].upper()
    made = 0
    while made < n:
        size = min(2000, n - made)
        tickets = [
            Ticket(
                office=offices[(made + i) % len(offices)],
                handling_office=offices[(made + i) % len(offices)],
                reference=f"BG{run}-{made + i:06d}",
                requester_name=f"Pemohon {made + i}",
                requester_email=f"pemohon{made + i}@bench.example",
                category=category,
                subject="Penghitungan usia calon setelah putusan MK 70",
                body="Bagaimana menghitung usia minimal calon setelah putusan MK 70/PUU-XXII/2024?",
                channel="desk",
                status="new",
                received_at=received,
                created_at=received,
                updated_at=linked_at,
                idempotency_key=uuid.uuid4(),
                pending_guidance=item,
            )
            for i in range(size)
        ]
        created = Ticket.objects.bulk_create(tickets)
        if created and created[0].pk is None:
            created = list(Ticket.objects.filter(reference__in=[t.reference for t in tickets]))
        shown = {"id": item.pk, "label": item.title}
        AuditEvent.objects.bulk_create(
            AuditEvent(
                ticket=t,
                actor_name="bench",
                action="guidance_linked",
                changes={"pending_guidance": [None, shown]},
                created_at=linked_at,
            )
            for t in created
        )
        for t in created:  # paused clocks, as the link service leaves them
            t.office = next(o for o in offices if o.pk == t.office_id)
            Ticket.objects.filter(pk=t.pk).update(**sla_fields(t, now))
        made += size
        print(f"\r  seeded {made:,}/{n:,} linked tickets", end="", flush=True)
    print()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return item


def check(item: PendingGuidance, n: int) -> None:
    """Every ticket of the item answered exactly once, none still linked."""
    ids = Ticket.objects.filter(reference__startswith=item_prefix(item)).values("pk")
    replies = (
        Message.objects.filter(ticket__in=ids, author__isnull=False, body__contains=item.title)
        .values("ticket")
        .annotate(n=Count("pk"))
    )
    counts = [r["n"] for r in replies]
    twice = sum(1 for c in counts if c > 1)
    skipped = n - len(counts)
    still = Ticket.objects.filter(pending_guidance=item).count()
    item.refresh_from_db()
    print(
        f"check: {len(counts):,} tickets answered, {twice} answered more than once, "
        f"{skipped} skipped, {still} still linked; item {item.state}, "
        f"{item.answered_count:,} of {item.linked_total:,} counted"
    )
    if twice or skipped or still:
        raise SystemExit("NOT exactly once")


_prefixes: dict[int, str] = {}


def item_prefix(item: PendingGuidance) -> str:
    return _prefixes[item.pk]


def suggest(ri_staff: User) -> None:
    """Time the item page's suggestions (KPU RI: every office) and show the candidate plan."""
    import statistics

    from mejabantu.helpdesk import similar

    item = PendingGuidance.objects.create(
        title="Menunggu juknis: penghitungan usia calon setelah putusan MK 70",
        office=ri_staff.office,
    )
    texts = [
        item.title,
        "Bagaimana menghitung usia minimal calon setelah putusan MK?",
        "Syarat pengunduran diri kepala desa yang mencalonkan diri",
        "Dokumen dukungan perseorangan belum diunggah ke SILON",
    ]
    times = []
    for i in range(40):
        started = time.perf_counter()
        found = similar.similar_for_item(user=ri_staff, item=item, text=texts[i % len(texts)])
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    print(
        f"suggestions over {Ticket.objects.count():,} tickets ({connection.vendor}): p50 "
        f"{statistics.median(times):.1f} ms, p95 {times[int(len(times) * 0.95) - 1]:.1f} ms; "
        f"last: {found.count} similar in {found.office_count} offices"
    )
    if connection.vendor == "postgresql":
        words = similar.search_words(texts[0])
        from django.db.models import Q

        contains = Q()
        for word in words:
            contains |= Q(subject__icontains=word) | Q(body__icontains=word)
        qs = Ticket.objects.filter(contains, status__in=("new", "in_progress", "waiting"))
        print(qs.order_by()[: similar.CANDIDATES].explain(analyze=True))
    item.delete()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=10000)
    parser.add_argument("--offices", type=int, default=50)
    parser.add_argument("--batch", type=int, default=guidance.BATCH)
    parser.add_argument(
        "--suggest-only",
        action="store_true",
        help="time the similar-question suggestions on what the database holds, then stop",
    )
    parser.add_argument(
        "--kill-at", type=float, default=0.0, help="fraction answered; 0: no worker, in-process"
    )
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("demo", verbosity=0)
    ri = Office.objects.get(code="ri")
    ri_staff, _ = User.objects.get_or_create(
        username="bench-ri", defaults={"role": "officer", "office": ri}
    )
    if args.suggest_only:
        suggest(ri_staff)
        return
    offices = bench_offices(args.offices)
    item = seed(args.tickets, offices, ri_staff)
    first = Ticket.objects.filter(pending_guidance=item).order_by("pk").first()
    _prefixes[item.pk] = first.reference.split("-")[0] + "-"
    item, linked = guidance.guidance_answer_publish(
        item=item, actor=ri_staff, body="Usia dihitung sejak penetapan pasangan calon."
    )
    print(f"published: {linked:,} linked tickets over {len(offices)} offices ({connection.vendor})")
    if not args.kill_at:
        started, cpu = time.perf_counter(), time.process_time()
        done = guidance.guidance_broadcast(item.pk, batch=args.batch)
        took, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(
            f"answered {done:,} tickets in {took:.1f} s wall, {cpu:.1f} s CPU of this process "
            f"({done / took:,.0f} tickets/s; load average {os.getloadavg()[0]:.1f})"
        )
    else:
        worker = [str(Path(sys.executable).parent / "mejabantu"), "worker", "--interval", "0.2"]
        out = open(os.devnull, "w")  # noqa: SIM115
        started = time.perf_counter()
        proc = subprocess.Popen(worker, cwd=ROOT, stdout=out, stderr=out)  # noqa: S603
        target = int(linked * args.kill_at)
        while PendingGuidance.objects.get(pk=item.pk).answered_count < target:
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        item.refresh_from_db()
        print(
            f"worker killed (SIGKILL) after {time.perf_counter() - started:.1f} s: "
            f"{item.answered_count:,} of {item.linked_total:,} answered, state {item.state}"
        )
        restart = [worker[0], "worker", "--once"]
        subprocess.run(restart, cwd=ROOT, stdout=out, stderr=out, check=True)  # noqa: S603
        took = time.perf_counter() - started
        print(f"restarted worker finished: {took:.1f} s in all (two worker start-ups included)")
    check(item, args.tickets)
    print(
        "rerun: MEJABANTU_DEMO=1 DATABASE_URL=... .venv/bin/python bench/guidance_broadcast.py "
        f"--tickets {args.tickets} --offices {args.offices}"
        + (f" --kill-at {args.kill_at:g}" if args.kill_at else "")
    )


if __name__ == "__main__":
    main()
