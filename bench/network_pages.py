"""Pages and API reads of the network at scale, in-process, p50/p95 per kind of request.

Seed first (bench/network_seed.py, PostgreSQL), then:

    export MEJABANTU_DEMO=1 MEJABANTU_VAR=$PWD/bench/out/var DATABASE_URL=postgres:///mejabantu_scale_bench
    .venv/bin/python bench/network_pages.py [--samples 60] [--only queue,mine] [--explain]

Each request goes through Django's test client (every middleware, sessions, the views and
templates). The client sends no CSRF cookie, so the page cache (core.page_cache) keeps
nothing and every page renders: what is measured is the work of a page nobody has seen,
never a cache hit. Parameters vary as real users vary them: the 20 biggest offices, their
officers, filters, pages, search words of common, middling and rare frequency, references.
``--explain`` prints EXPLAIN (ANALYZE, BUFFERS) of the slowest statement of one request of
each kind.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mejabantu.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("MEJABANTU_DEMO", "1")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.network_text import COMMON, RARE  # noqa: E402
from mejabantu.accounts.models import Organisation, User  # noqa: E402
from mejabantu.accounts.services import api_token_issue  # noqa: E402
from mejabantu.helpdesk.models import Ticket  # noqa: E402
from mejabantu.offices.models import Office  # noqa: E402

# kind: goal p95 in ms (None: no goal, shown for comparison)
GOALS = {
    "queue first page": 50,
    "queue page 20": 50,
    "filter status": 50,
    "filter resolved": 50,
    "filter channel": 50,
    "filter organisation": 50,
    "filter assignee": 50,
    "mine": 50,
    "queue search words": None,
    "queue search reference": 50,
    "desk province": 200,
    "desk national": 200,
    "RI search words (API)": 200,
    "RI search reference (API)": 200,
    "ticket page": 30,
    "API list admin": None,
    "API list officer": None,
}
WORDS = {"common": COMMON[:6], "middling": COMMON[120:160], "rare": RARE}


class Bench:
    def __init__(self, rng: random.Random, offices: int):
        self.rng = rng
        self.clients: dict[int, Client] = {}
        biggest = (
            Ticket.objects.values("office_id").annotate(n=Count("id")).order_by("-n")[:offices]
        )
        self.sizes = {row["office_id"]: row["n"] for row in biggest}
        self.offices = list(Office.objects.filter(pk__in=self.sizes))
        self.staff = {o.pk: [] for o in self.offices}
        for user in User.objects.filter(office__in=self.offices, role__in=["officer"]):
            self.staff[user.office_id].append(user)
        self.orgs = {o.pk: [] for o in self.offices}
        for org in Organisation.objects.filter(office__in=self.offices):
            self.orgs[org.office_id].append(org.code)
        self.provinces = list(Office.objects.filter(level=Office.Level.PROVINCE))
        self.ri = Office.objects.get(code="ri")
        self.ri_officer = User.objects.get(username="petugas-ri")
        self.admin = User.objects.get(username="admin")
        self.tokens: dict[int, str] = {}
        top = max(self.sizes, key=self.sizes.get)
        self.references = {
            o.pk: list(
                Ticket.objects.filter(office=o)
                .order_by("?")
                .values_list("reference", flat=True)[:200]
            )
            for o in self.offices
        }
        print(
            f"{Ticket.objects.count():,} tickets; the {len(self.offices)} biggest offices "
            f"hold {sum(self.sizes.values()):,} (biggest "
            f"{next(o for o in self.offices if o.pk == top).name}: {self.sizes[top]:,})"
        )

    def client(self, user: User) -> Client:
        if user.pk not in self.clients:
            client = Client()
            client.force_login(user)
            self.clients[user.pk] = client
        return self.clients[user.pk]

    def token(self, user: User) -> str:
        if user.pk not in self.tokens:
            self.tokens[user.pk] = api_token_issue(user=user, name="bench")
        return self.tokens[user.pk]

    def officer(self) -> tuple[Office, User]:
        office = self.rng.choice(self.offices)
        return office, self.rng.choice(self.staff[office.pk])

    def word(self) -> str:
        return self.rng.choice(WORDS[self.rng.choice(list(WORDS))])

    # each returns (user, address, headers) of one request of its kind
    def request(self, kind: str):
        rng = self.rng
        office, officer = self.officer()
        queue = rng.choice(["open", "unassigned", "all"])
        if kind == "queue first page":
            return officer, f"/tiket/?queue={queue}", {}
        if kind == "queue page 20":
            return officer, f"/tiket/?queue={queue}&page=20", {}
        if kind == "filter status":
            status = rng.choice(["new", "in_progress", "waiting"])
            return officer, f"/tiket/?queue=open&status={status}&page={rng.choice([1, 1, 5])}", {}
        if kind == "filter resolved":
            status = rng.choice(["resolved", "closed"])
            return officer, f"/tiket/?queue=all&status={status}&page={rng.choice([1, 1, 20])}", {}
        if kind == "filter channel":
            channel = rng.choice(["desk", "phone", "email", "whatsapp"])
            return officer, f"/tiket/?queue={queue}&channel={channel}", {}
        if kind == "filter organisation":
            return (
                officer,
                f"/tiket/?queue={queue}&organisation={rng.choice(self.orgs[office.pk])}",
                {},
            )
        if kind == "filter assignee":
            other = rng.choice(self.staff[office.pk])
            return officer, f"/tiket/?queue={queue}&assignee={other.username}", {}
        if kind == "mine":
            return officer, f"/tiket/?queue=mine&page={rng.choice([1, 1, 2])}", {}
        if kind == "queue search words":
            return officer, f"/tiket/?queue={queue}&q={self.word()}", {}
        if kind == "queue search reference":
            return officer, f"/tiket/?queue=all&q={rng.choice(self.references[office.pk])}", {}
        if kind == "desk province":
            province = rng.choice(self.provinces)
            staff = User.objects.filter(office=province, role="officer").first()
            return staff, f"/tiket/kantor/{province.code}/meja/", {}
        if kind == "desk national":
            return self.ri_officer, "/tiket/kantor/ri/meja/", {}
        if kind == "RI search words (API)":
            return self.ri_officer, f"/api/v1/tickets?q={self.word()}", self._auth(self.ri_officer)
        if kind == "RI search reference (API)":
            reference = rng.choice(self.references[office.pk])
            return self.ri_officer, f"/api/v1/tickets?q={reference}", self._auth(self.ri_officer)
        if kind == "ticket page":
            return officer, f"/tiket/{rng.choice(self.references[office.pk])}/", {}
        if kind == "API list admin":
            offset = rng.choice([0, 0, 50, 500, 1000])
            return self.admin, f"/api/v1/tickets?offset={offset}", self._auth(self.admin)
        if kind == "API list officer":
            offset = rng.choice([0, 0, 50, 500])
            status = rng.choice(["", "", "new", "resolved"])
            address = f"/api/v1/tickets?offset={offset}&status={status}"
            return officer, address, self._auth(officer)
        raise ValueError(kind)

    def _auth(self, user: User) -> dict:
        return {"Authorization": f"Bearer {self.token(user)}"}

    def get(self, user: User, address: str, headers: dict):
        client = Client() if headers else self.client(user)
        started = time.perf_counter()
        response = client.get(address, headers=headers)
        ms = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise SystemExit(f"{address} as {user}: {response.status_code}")
        return ms


def explain(bench: Bench, kind: str, listing: bool) -> None:
    user, address, headers = bench.request(kind)
    with CaptureQueriesContext(connection) as queries:
        bench.get(user, address, headers)
    selects = [q for q in queries.captured_queries if q["sql"].startswith("SELECT")]
    slowest = max(selects, key=lambda q: float(q["time"]))
    print(f"\n### {kind}: {address} ({len(queries.captured_queries)} queries; slowest "
          f"{float(slowest['time']) * 1000:.1f} ms)\n{slowest['sql'][:600]}")  # fmt: skip
    if listing:
        for query in queries.captured_queries:
            print(f"  {float(query['time']) * 1000:6.1f} ms  {query['sql'][:150]}")
        return
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + slowest["sql"])
        for (line,) in cursor.fetchall():
            print("   ", line)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=60)
    parser.add_argument("--offices", type=int, default=20, help="the N biggest offices")
    parser.add_argument("--only", default="", help="kinds whose name contains any of these")
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--queries", action="store_true", help="list one request's queries")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    bench = Bench(random.Random(args.seed), args.offices)
    kinds = [k for k in GOALS if not args.only or any(w in k for w in args.only.split(","))]
    print(f"{'request':28} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'goal':>6}")
    for kind in kinds:
        for _ in range(3):  # the first of a kind (and of a user) sets up more
            bench.get(*bench.request(kind))
        times = sorted(bench.get(*bench.request(kind)) for _ in range(args.samples))
        p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
        goal = GOALS[kind]
        verdict = "" if goal is None else ("ok" if p95 <= goal else "MISS")
        print(
            f"{kind:28} {statistics.median(times):8.1f} {p95:8.1f} {times[-1]:8.1f} "
            f"{goal or '-':>6} {verdict}",
            flush=True,
        )
    if args.explain or args.queries:
        for kind in kinds:
            explain(bench, kind, args.queries)


if __name__ == "__main__":
    main()
