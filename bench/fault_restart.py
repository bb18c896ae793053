"""Questions sent while PostgreSQL restarts: how many are lost, doubled, or answered 5xx, and
how soon the product serves again by itself.

The script starts a PostgreSQL cluster of its own (in a temporary directory, on a free port;
the machine's server is never touched), migrates it, loads the demo offices and accounts,
starts `mejabantu run` (gunicorn and the worker) on it, and sends questions through the API
from party operators: N questions, C at a time, each with its own idempotency key. Midway it
restarts the database (a fast stop, a pause, a start). Each client behaves as docs/api.md
asks: on a dropped connection or a 5xx it retries with the same key, for up to a minute.

At the end it counts, from the database: lost (a key acknowledged or given up with no
ticket), doubled (a key with two tickets: impossible by the unique key, counted anyway by
subject), the 5xx answers seen, and the seconds from the database's return to the first
question answered again.

    .venv/bin/python bench/fault_restart.py --questions 200 --clients 20 --pause 8
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.fixtures.private_postgres import PrivateCluster, _bindir  # noqa: E402

SETUP = """
from mejabantu.accounts import demo as accounts_demo
from mejabantu.helpdesk.defaults import ensure_default_categories
from mejabantu.offices import demo as offices_demo
offices_demo.load(); accounts_demo.load(); ensure_default_categories()
"""
COUNT = """
import json
from django.db.models import Count
from mejabantu.helpdesk.models import Ticket
rows = Ticket.objects.filter(subject__startswith="Uji gangguan ").values("subject").annotate(n=Count("id"))
print(json.dumps({r["subject"]: r["n"] for r in rows}))
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def manage(env: dict, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "mejabantu", *args], env=env, capture_output=True, text=True
    )
    if done.returncode:
        raise SystemExit(done.stderr[-2000:])
    return done.stdout


def post(url: str, body: dict, token: str | None = None, timeout: float = 10) -> tuple[int, dict]:
    request = urllib.request.Request(
        url, json.dumps(body).encode(), {"Content-Type": "application/json"}
    )
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=200)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--pause", type=float, default=8.0, help="seconds the database is down")
    args = parser.parse_args()
    bindir = _bindir()
    if bindir is None:
        raise SystemExit("PostgreSQL's server binaries are missing (scripts/test-services.sh)")
    root = Path(tempfile.mkdtemp(prefix="mejabantu-fault-"))
    cluster = PrivateCluster(bindir, root)
    if cluster.as_root:
        shutil.chown(root, "postgres", "postgres")
    cluster.init()
    cluster.start()
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": cluster.url,
        "MEJABANTU_DEMO": "1",
        "MEJABANTU_VAR": str(root / "var"),
        "EMAIL_URL": "console://",
        "MEJABANTU_TOKEN_RATE": "",
        "CACHE_URL": "",
        "WEB_WORKERS": "4",
    }
    run = None
    try:
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "shell", "-c", SETUP)
        run = subprocess.Popen(
            [sys.executable, "-m", "mejabantu", "run", "--port", str(port), "--no-demo"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}/api/v1"
        for _ in range(120):
            try:
                status, body = post(
                    f"{base}/auth/token", {"username": "lo-partai-a", "password": "mejabantu-demo"}
                )
                if status == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        tokens = [
            post(f"{base}/auth/token", {"username": name, "password": "mejabantu-demo"})[1]["token"]
            for name in ("lo-partai-a", "lo-partai-b")
        ]
        keys = [str(uuid.uuid4()) for _ in range(args.questions)]
        answered: dict[int, float] = {}
        gave_up: list[int] = []
        server_errors = [0]
        lock = threading.Lock()
        next_question = [0]

        def client(n: int) -> None:
            token = tokens[n % len(tokens)]
            while True:
                with lock:
                    i = next_question[0]
                    next_question[0] += 1
                if i >= args.questions:
                    return
                body = {
                    "subject": f"Uji gangguan {i}",
                    "body": "Apakah SK DPP cukup untuk pendaftaran?",
                    "category": "dokumen",
                    "idempotency_key": keys[i],
                }
                deadline = time.monotonic() + 60
                while True:
                    try:
                        status, _ = post(f"{base}/tickets", body, token)
                    except OSError:
                        status = 0
                    if status in (200, 201):
                        with lock:
                            answered[i] = time.monotonic()
                        break
                    if status >= 500:
                        with lock:
                            server_errors[0] += 1
                    if time.monotonic() > deadline:
                        with lock:
                            gave_up.append(i)
                        break
                    time.sleep(0.5)

        threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
        started = time.monotonic()
        for t in threads:
            t.start()
        while len(answered) < args.questions // 3:
            time.sleep(0.05)
        cluster.stop()
        down_at = time.monotonic()
        time.sleep(args.pause)
        cluster.start()
        back_at = time.monotonic()
        for t in threads:
            t.join()
        took = time.monotonic() - started
        after = sorted(v for v in answered.values() if v > back_at)
        counts = json.loads(manage(env, "shell", "-c", COUNT).strip().splitlines()[-1])
        lost = [i for i in range(args.questions) if counts.get(f"Uji gangguan {i}", 0) == 0]
        doubled = [s for s, n in counts.items() if n > 1]
        print(
            f"questions {args.questions}, clients {args.clients}, database down {back_at - down_at:.1f} s, run {took:.1f} s"
        )
        print(
            f"acknowledged {len(answered)}, gave up {len(gave_up)}, 5xx answers seen {server_errors[0]}"
        )
        print(f"tickets {sum(counts.values())}: lost {len(lost)}, doubled {len(doubled)}")
        if after:
            print(f"first question answered {after[0] - back_at:.1f} s after the database was back")
        print(
            "rerun: .venv/bin/python bench/fault_restart.py --questions 200 --clients 20 --pause 8"
        )
    finally:
        if run is not None:
            os.killpg(run.pid, 15)
            run.wait(timeout=30)
        try:
            cluster.stop()
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
