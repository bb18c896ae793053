"""Seed the whole network on PostgreSQL: N tickets (default 1,000,000), ~3 messages each,
spread over the 545 offices of Pilkada 2024, written with COPY.

    createdb mejabantu_scale_bench
    export MEJABANTU_DEMO=1 MEJABANTU_VAR=$PWD/bench/out/var DATABASE_URL=postgres:///mejabantu_scale_bench
    .venv/bin/python bench/network_seed.py --tickets 1000000

It runs `migrate`, `import-regions`, `create-offices` and `demo` first, then gives every Pilkada
office officers, a coordinator, party branches with an operator each, opens guidance items
of KPU RI and three provinces, and writes the tickets as the services would have: each with
its audit trail (created, assigned, replies and notes, status changes, hops, guidance links,
ratings), its messages (``message_count``), hops to a province or KPU RI (a few forwarded),
the office's reference numbers (and ``ReferenceCounter``), the public link's digest, and the
SLA fields from ``services.sla`` (due times, state, queue rank; SLA warnings already passed
recorded as the sweep would). Every office's ``tickets_version`` and ``setup_version`` move on.
KPU Kabupaten Belitung (the demo desk, the only one with SLA policies) is the biggest office,
~15 % of all tickets as in the probe of issue 19; the rest follow a Zipf-like spread.

The search needs no column of its own (trigram indexes on the text, migration 0007). The
table's other indexes are dropped during the COPY and built again after (their definitions
are kept in bench/out/network_seed_indexes.sql until then), then VACUUM ANALYZE.
To seed again: dropdb and createdb the database, then run the same command.
"""

import argparse
import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mejabantu.settings")
os.environ.setdefault("MEJABANTU_DEMO", "1")

import django  # noqa: E402

django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.network_rows import FIRST_NAMES, LAST_NAMES, TABLES, TicketMaker  # noqa: E402
from mejabantu.accounts.models import Organisation, User  # noqa: E402
from mejabantu.helpdesk.models import ReferenceCounter, Ticket  # noqa: E402
from mejabantu.knowledge.models import PendingGuidance  # noqa: E402
from mejabantu.offices.models import Office  # noqa: E402

PARTIES = [
    ("pdip", "DPC PDI Perjuangan"),
    ("gerindra", "DPC Partai Gerindra"),
    ("golkar", "DPD Partai Golkar"),
    ("nasdem", "DPD Partai NasDem"),
    ("pkb", "DPC Partai Kebangkitan Bangsa"),
    ("pks", "DPD Partai Keadilan Sejahtera"),
    ("pan", "DPD Partai Amanat Nasional"),
    ("demokrat", "DPC Partai Demokrat"),
    ("ppp", "DPC Partai Persatuan Pembangunan"),
    ("perindo", "DPD Partai Perindo"),
]
BIGGEST = "19.02"  # KPU Kabupaten Belitung, the demo desk
BIGGEST_SHARE = 0.15
CHUNK = 20_000


def pilkada_offices() -> list[Office]:
    found = list(
        Office.objects.filter(region__pilkada_2024=True).select_related("region", "parent")
    )
    print(f"  {len(found)} Pilkada offices")
    return found


def people(offices: list[Office], rng: random.Random) -> tuple[dict, dict, dict]:
    """Officers (4 in Belitung beyond the demo's, 3 elsewhere) and a coordinator for every
    Pilkada office and every office above one, ten party branches with one operator each
    for every Pilkada office; returns (officers, organisations, operators) by office id.
    The demo desks keep their own people too."""
    unusable = make_password(None)
    users, orgs = [], []
    asking = {o.pk for o in offices}
    above = Office.objects.filter(children__in=offices).exclude(pk__in=asking).distinct()
    staffed = [*offices, *above.select_related("region")]
    for office in staffed:
        if office.code in ("ri", "19"):
            continue  # the demo's staff (petugas-ri, koordinator-ri, petugas-prov, ...)
        n = 4 if office.code == BIGGEST else 3
        for k in range(n + 1):
            users.append(
                User(
                    username=f"bench-{office.code}-{k}",
                    first_name=rng.choice(FIRST_NAMES),
                    last_name=rng.choice(LAST_NAMES),
                    role=User.Role.COORDINATOR if k == n else User.Role.OFFICER,
                    office=office,
                    email=f"bench-{office.code}-{k}@bench.example",
                    password=unusable,
                )
            )
        if office.code == BIGGEST or office.pk not in asking:
            continue  # the demo's fourteen branches and two teams; offices only above
        place = office.region.name
        for party, name in PARTIES:
            orgs.append(
                Organisation(
                    code=f"bench-{party}-{office.code.replace('.', '-')}",
                    name=f"{name} {place}",
                    party_code=party,
                    office=office,
                )
            )
    User.objects.bulk_create(users, batch_size=2000)
    Organisation.objects.bulk_create(orgs, batch_size=2000)
    new_orgs = Organisation.objects.filter(code__startswith="bench-")
    User.objects.bulk_create(
        [
            User(
                username=f"bench-lo-{org.code[6:]}",
                first_name=rng.choice(FIRST_NAMES),
                last_name=rng.choice(LAST_NAMES),
                role=User.Role.OPERATOR,
                organisation=org,
                email=f"lo-{org.code[6:]}@bench.example",
                password=unusable,
            )
            for org in new_orgs
        ],
        batch_size=2000,
    )
    ids = [o.pk for o in staffed]
    officers: dict[int, list[User]] = {i: [] for i in ids}
    for u in User.objects.filter(office_id__in=ids, role__in=["officer", "coordinator"]):
        officers[u.office_id].append(u)
    organisations: dict[int, list[Organisation]] = {i: [] for i in ids}
    for o in Organisation.objects.filter(office_id__in=ids).order_by("pk"):
        organisations[o.office_id].append(o)
    operators = {
        u.organisation_id: u
        for u in User.objects.filter(role="operator", organisation__office_id__in=ids).order_by(
            "-pk"
        )
    }
    # bulk_create sends no signals: the offices' setup (people, parties) changed
    Office.bump("setup_version", pk__in=ids)
    return officers, organisations, operators


def guidance_items(offices: list[Office], since) -> list[PendingGuidance]:
    """The demo's item plus one more of KPU RI and one of each of three provinces."""
    from mejabantu.knowledge.services.guidance import pending_guidance_create

    by_code = {o.code: o for o in offices}
    ri = Office.objects.get(code="ri")
    ri_staff = User.objects.get(username="koordinator-ri")
    items = list(PendingGuidance.objects.filter(state=PendingGuidance.State.OPEN))
    new = [(ri, ri_staff, "Menunggu juknis: ambang batas pencalonan setelah putusan MK 60")]
    for code in ("19", "32", "73"):
        province = by_code.get(code)
        if province is None:
            continue
        staff = User.objects.filter(office=province, role__in=["officer", "coordinator"]).first()
        staff = staff or User.objects.get(username="admin")
        new.append((province, staff, f"Menunggu juknis provinsi: jadwal verifikasi {code}"))
    for office, user, title in new:
        item = pending_guidance_create(title=title, office=office, user=user)
        PendingGuidance.objects.filter(pk=item.pk).update(created_at=since)
        item.created_at = since  # tickets are linked to it from then on
        items.append(item)
    return items


def weights(offices: list[Office], rng: random.Random) -> list[float]:
    """Belitung BIGGEST_SHARE of all tickets; the others by a Zipf-like rank, shuffled."""
    others = [o for o in offices if o.code != BIGGEST]
    rng.shuffle(others)
    raw = {o.pk: 1 / (rank + 8) ** 1.1 for rank, o in enumerate(others)}
    total = sum(raw.values())
    shares = {pk: (1 - BIGGEST_SHARE) * w / total for pk, w in raw.items()}
    return [shares.get(o.pk, BIGGEST_SHARE) for o in offices]


def next_ids() -> dict[str, int]:
    with connection.cursor() as cursor:
        found = {}
        for table in TABLES:
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")  # noqa: S608
            found[table] = cursor.fetchone()[0]
    return found


def drop_indexes() -> list[str]:
    """Drop the indexes of the seeded tables that back no constraint; return their DDL."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
            "WHERE i.indrelid::regclass::text = ANY(%s) AND NOT EXISTS "
            "(SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)",
            [list(TABLES)],
        )
        found = cursor.fetchall()
        kept = ROOT / "bench" / "out" / "network_seed_indexes.sql"
        kept.parent.mkdir(parents=True, exist_ok=True)
        kept.write_text("".join(f"{ddl};\n" for _name, ddl in found))
        for name, _ddl in found:
            cursor.execute(f"DROP INDEX {name}")
    return [ddl for _name, ddl in found]


def build_indexes(ddls: list[str]) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '256MB'")
        for ddl in ddls:
            started = time.perf_counter()
            cursor.execute(ddl)
            print(f"  {time.perf_counter() - started:5.1f} s  {ddl[:110]}")
    (ROOT / "bench" / "out" / "network_seed_indexes.sql").unlink(missing_ok=True)


def copy_rows(table: str, columns: list[str], rows: list[tuple]) -> None:
    if not rows:
        return
    with connection.cursor() as cursor:
        with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--days", type=int, default=120, help="tickets received over")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("The network seed writes with COPY: set DATABASE_URL=postgres:///NAME.")
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("import_regions", verbosity=0)
    call_command("create_offices", verbosity=0)
    call_command("demo", verbosity=0)
    if Organisation.objects.filter(code__startswith="bench-").exists():
        name = connection.settings_dict["NAME"]
        sys.exit(f"Seeded already. To seed again: dropdb {name} && createdb {name}, then rerun.")
    print(f"setup (migrate, regions, offices, demo): {time.perf_counter() - started:.1f} s")
    rng = random.Random(args.seed)
    now = timezone.now()
    offices = pilkada_offices()
    officers, organisations, operators = people(offices, rng)
    since = now - timedelta(days=args.days)
    items = guidance_items(offices, since)
    counters = {(c.office_id, c.year): c.last for c in ReferenceCounter.objects.all()}
    maker = TicketMaker(
        rng=rng,
        now=now,
        offices=offices,
        officers=officers,
        organisations=organisations,
        operators=operators,
        items=items,
        ids=next_ids(),
        counters=counters,
    )
    print(f"people and guidance: {time.perf_counter() - started:.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit = off")
    ddls = drop_indexes()
    cum = []
    acc = 0.0
    for w in weights(offices, rng):
        acc += w
        cum.append(acc)
    span = (now - timedelta(minutes=10) - since).total_seconds()
    made = 0
    copy_started = time.perf_counter()
    try:
        while made < args.tickets:
            n = min(CHUNK, args.tickets - made)
            rows = {table: [] for table in TABLES}
            picks = rng.choices(offices, cum_weights=cum, k=n)
            for i, office in enumerate(picks):
                at = since + timedelta(seconds=span * (made + i + rng.random()) / args.tickets)
                maker.ticket(office, at, rows)
            with transaction.atomic():
                for table, columns in TABLES.items():
                    copy_rows(table, columns, rows[table])
            made += n
            elapsed = time.perf_counter() - copy_started
            print(
                f"  {made:>9,} tickets, {maker.counts['helpdesk_message']:>10,} messages, "
                f"{maker.counts['helpdesk_auditevent']:>10,} events  {elapsed:6.1f} s",
                flush=True,
            )
    finally:
        print("building the indexes again:")
        build_indexes(ddls)
    finish(maker, offices)
    print("VACUUM ANALYZE ...", flush=True)
    with connection.cursor() as cursor:
        for table in TABLES:
            cursor.execute(f"VACUUM ANALYZE {table}")
    biggest = max(maker.per_office.items(), key=lambda kv: kv[1])
    office = next(o for o in offices if o.pk == biggest[0])
    print(
        f"\nseeded {made:,} tickets, {maker.counts['helpdesk_message']:,} messages, "
        f"{maker.counts['helpdesk_auditevent']:,} audit events, "
        f"{maker.counts['helpdesk_tickethop']:,} hops over {len(maker.per_office)} offices "
        f"(biggest {office.name}: {biggest[1]:,}) in {time.perf_counter() - started:.0f} s; "
        f"{Ticket.objects.count():,} tickets in all.\n"
        f"To seed again: dropdb {connection.settings_dict['NAME']} && createdb "
        f"{connection.settings_dict['NAME']}, then the same command."
    )


def finish(maker: TicketMaker, offices: list[Office]) -> None:
    """Sequences past the ids written, reference counters, and the offices' versions."""
    with connection.cursor() as cursor:
        for table in TABLES:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
                f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
            )
    for (office_id, year), last in maker.counters.items():
        ReferenceCounter.objects.update_or_create(
            office_id=office_id, year=year, defaults={"last": last}
        )
    touched = {o.pk for o in offices} | maker.handling_offices
    Office.bump("tickets_version", pk__in=touched)  # pages cached before the seed are stale


if __name__ == "__main__":
    main()
