"""Load test of the helpdesk pages against a bare Django view, both under gunicorn (2 workers).

Seed first (bench/helpdesk_seed.py), then:

    MEJABANTU_DEMO=1 DATABASE_URL=sqlite:///bench/out/bench.sqlite3 \
        .venv/bin/python bench/helpdesk_load.py --seconds 10 --concurrency 8

Load comes from this machine (loopback only), from client processes with keep-alive
connections. Prints requests per second and p50/p95 latency for: a bare Django view (the
floor), submit a question, the officer queue, a ticket page, and a search.

The floor runs before the first scenario and again after each one; a scenario is compared
with the mean of the floor runs just before and just after it (this machine's speed drifts
by a third within minutes, shared as it is: a floor measured once at the start compared
later scenarios with another machine). The floor's row gives the mean of all its runs.

The ticket page is measured twice: opened for the first time (one of 5,000 random tickets
per request: every view renders the page), and reopened (the officer works through the 50
tickets on the first page of the open queue, each opened once before the timing starts, so
each view comes from the page cache, core.page_cache). Set CACHE_URL=redis://127.0.0.1:6379/5
to share one cache between the two workers, as several machines would.
"""

import argparse
import http.client
import json
import multiprocessing as mp
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ("submit", "queue", "ticket-first", "ticket-again", "search")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(app: str, port: int, env: dict, cwd: Path) -> subprocess.Popen:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            app,
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=cwd,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{app} did not start")


class Client:
    def __init__(self, port: int):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: dict | None = None) -> tuple[int, str]:
        headers = {
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            "Host": "127.0.0.1",
        }
        data = None
        if body is not None:
            data = urllib.parse.urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["X-CSRFToken"] = self.cookies.get("csrftoken", "")
            headers["Referer"] = "http://127.0.0.1/"
        self.conn.request(method, path, body=data, headers=headers)
        response = self.conn.getresponse()
        text = response.read().decode("utf-8", "replace")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        # The client does not follow a submit's redirect to the ticket page, where a browser
        # shows (and so clears) the flash message "your question was sent as ...": drop it
        # here, or every later request would carry and rewrite a growing pile of them.
        self.cookies.pop("messages", None)
        return response.status, text

    def login(self, username: str) -> None:
        _, page = self.request("GET", "/akun/masuk/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        status, _ = self.request(
            "POST",
            "/akun/masuk/",
            {"csrfmiddlewaretoken": token, "username": username, "password": "mejabantu-demo"},
        )
        assert status == 302, f"login of {username} failed: {status}"


def worker(args) -> list[float]:
    port, scenario, seconds, refs, threads_per_proc = args
    refs = refs[scenario] if scenario in refs else []
    import threading

    latencies: list[float] = []
    lock = threading.Lock()
    errors: list[str] = []

    def loop():
        client = Client(port)
        if scenario in ("queue", "ticket-first", "ticket-again", "search"):
            client.login("petugas1")
        elif scenario == "submit":
            client.login("lo-partai-a")
            client.request("GET", "/tiket/tanya/")
        if scenario == "ticket-again":
            for ref in refs:  # reopened: each was opened once before (not timed)
                client.request("GET", f"/tiket/{ref}/")
        rng = random.Random()
        local = []
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            if scenario == "floor":
                path, body, ok = "/", None, (200,)
            elif scenario == "queue":
                path, body, ok = "/tiket/?queue=open", None, (200,)
            elif scenario in ("ticket-first", "ticket-again"):
                path, body, ok = f"/tiket/{rng.choice(refs)}/", None, (200,)
            elif scenario == "search":
                word = rng.choice(["ijazah", "SKCK", "usia", "dukungan", "BLT-2024-000123"])
                path, body, ok = f"/tiket/?queue=all&q={word}", None, (200,)
            else:
                path, ok = "/tiket/tanya/", (302,)
                body = {
                    "category": "jadwal",
                    "subject": "Jadwal penetapan",
                    "body": "Kapan penetapan pasangan calon?",
                    "idempotency_key": str(uuid.uuid4()),
                }
            began = time.perf_counter()
            status, _ = client.request("POST" if body else "GET", path, body)
            elapsed = time.perf_counter() - began
            if status not in ok:
                with lock:
                    errors.append(f"{scenario}: HTTP {status} for {path}")
                return
            local.append(elapsed)
        with lock:
            latencies.extend(local)

    threads = [threading.Thread(target=loop) for _ in range(threads_per_proc)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise RuntimeError(errors[0])
    return latencies


def run(port: int, scenario: str, seconds: float, concurrency: int, refs: dict) -> dict:
    procs = 2
    with mp.Pool(procs) as pool:
        results = pool.map(worker, [(port, scenario, seconds, refs, concurrency // procs)] * procs)
    latencies = sorted(x for r in results for x in r)
    q = statistics.quantiles(latencies, n=100)
    return {
        "scenario": scenario,
        "requests": len(latencies),
        "rps": len(latencies) / seconds,
        "p50_ms": q[49] * 1000,
        "p95_ms": q[94] * 1000,
    }


def _mean_floor(floors: list[dict]) -> dict:
    """The floor a scenario is compared with: the mean of the floor runs around it."""
    return {
        key: statistics.fmean(f[key] for f in floors) for key in ("rps", "p50_ms", "p95_ms")
    } | {"requests": sum(f["requests"] for f in floors)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument(
        "--scenarios",
        default=",".join(SCENARIOS),
        help=f"comma-separated, some of {','.join(SCENARIOS)} (the floor always runs)",
    )
    args = parser.parse_args()
    scenarios = [s.strip() for s in args.scenarios.split(",") if s.strip()]
    unknown = set(scenarios) - set(SCENARIOS)
    if unknown:
        parser.error(f"unknown scenarios: {', '.join(sorted(unknown))}")
    env = {
        **os.environ,
        "MEJABANTU_DEMO": "1",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "EMAIL_URL": "console://",
        "PYTHONPATH": str(ROOT),
    }
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mejabantu.settings")
    import django

    django.setup()
    from mejabantu.helpdesk.models import OPEN_STATUSES, Ticket

    every = list(Ticket.objects.order_by("pk").values_list("reference", flat=True))
    first = random.Random(2024).sample(every, min(5000, len(every)))
    refs = {
        "ticket-first": first,
        "ticket-again": list(
            Ticket.objects.filter(status__in=OPEN_STATUSES, office__code="19.02")
            .order_by("queue_rank", "received_at")
            .values_list("reference", flat=True)[:50]
        ),
    }
    if len(refs["ticket-first"]) < 1000:
        sys.exit("Seed first: bench/helpdesk_seed.py --tickets 20000")
    app_port, floor_port = free_port(), free_port()
    servers = [
        start("mejabantu.wsgi:application", app_port, env, ROOT),
        start("bare_app:application", floor_port, env, ROOT / "bench"),
    ]
    try:
        floors = [run(floor_port, "floor", args.seconds, args.concurrency, refs)]
        rows = []
        for scenario in scenarios:
            row = run(app_port, scenario, args.seconds, args.concurrency, refs)
            floors.append(run(floor_port, "floor", args.seconds, args.concurrency, refs))
            row["floor"] = _mean_floor(floors[-2:])
            rows.append(row)
    finally:
        for s in servers:
            s.terminate()
    floor = _mean_floor(floors)
    floor["scenario"] = "floor"
    floor["floor"] = dict(floor)
    floor["runs"] = [round(f["rps"]) for f in floors]
    rows.insert(0, floor)
    db = os.environ.get("DATABASE_URL", "sqlite (default)").split("://")[0]
    print(
        f"\nMejabantu helpdesk load test — {Ticket.objects.count():,} tickets, database {db}, "
        f"gunicorn 2 workers, {args.concurrency} clients, {args.seconds:.0f} s each"
    )
    print(
        f"{'scenario':<14}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'rps/floor':>11}{'p95/floor':>11}"
        f"{'floor req/s':>12}"
    )
    for r in rows:
        print(
            f"{r['scenario']:<14}{r['rps']:>9.1f}{r['p50_ms']:>9.1f}{r['p95_ms']:>9.1f}"
            f"{r['rps'] / r['floor']['rps']:>11.2f}{r['p95_ms'] / r['floor']['p95_ms']:>11.2f}"
            f"{r['floor']['rps']:>12.0f}"
        )
    print(f"floor runs, in order (req/s): {', '.join(map(str, floor['runs']))}")
    out = ROOT / "bench" / "out" / f"helpdesk_load_{db}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(rows, indent=2))
    print(
        f"\nwritten to {out.relative_to(ROOT)}; rerun: MEJABANTU_DEMO=1 DATABASE_URL=... "
        f".venv/bin/python bench/helpdesk_load.py --seconds {args.seconds:.0f}"
    )


if __name__ == "__main__":
    main()
