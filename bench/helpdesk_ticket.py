"""The officer's ticket page in-process (no server), rendered on its first view.

Seed first (bench/helpdesk_seed.py), then:

    MEJABANTU_DEMO=1 MEJABANTU_VAR=$PWD/bench/out/var \\
        DATABASE_URL=sqlite:///$PWD/bench/out/bench.sqlite3 \\
        .venv/bin/python bench/helpdesk_ticket.py --pages 300 [--profile]

Prints ms per page (wall and CPU) over random tickets, each shown once, and the queries of
one page, then the same tickets reopened (each view from the page cache, core.page_cache).
``--profile`` adds the 40 costliest functions (cumulative).
"""

import argparse
import cProfile
import os
import pstats
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mejabantu.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from mejabantu.accounts.models import User  # noqa: E402
from mejabantu.helpdesk.models import Ticket  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--officer", default="petugas1")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    officer = User.objects.get(username=args.officer)
    references = list(
        Ticket.objects.filter(office_id=officer.office_id).values_list("reference", flat=True)
    )
    client = Client()
    client.force_login(officer)
    client.get(f"/tiket/{references[0]}/")  # the first request of a process sets up more

    sample = random.sample(references, min(args.pages, len(references)))
    profiled = random.sample(references, min(args.pages, len(references)))
    wall, cpu = time.perf_counter(), time.process_time()
    for reference in sample:
        assert client.get(f"/tiket/{reference}/").status_code == 200
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(
        f"ticket page, first view: {wall / len(sample) * 1000:.2f} ms wall, "
        f"{cpu / len(sample) * 1000:.2f} ms CPU per page ({len(sample)} tickets, "
        f"{connection.vendor})"
    )
    client.get("/akun/kata-sandi/")  # the CSRF cookie a browser has: pages are kept from now
    for reference in sample:
        client.get(f"/tiket/{reference}/")
    wall, cpu = time.perf_counter(), time.process_time()
    for reference in sample:
        assert client.get(f"/tiket/{reference}/").status_code == 200
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(
        f"ticket page, reopened: {wall / len(sample) * 1000:.2f} ms wall, "
        f"{cpu / len(sample) * 1000:.2f} ms CPU per page (from the cache)"
    )
    with CaptureQueriesContext(connection) as queries:
        client.get(f"/tiket/{random.choice(references)}/")
    print(f"{len(queries.captured_queries)} queries:")
    for query in queries.captured_queries:
        print("  ", query["sql"][:120])
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        for reference in profiled:
            client.get(f"/tiket/{reference}/")
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
