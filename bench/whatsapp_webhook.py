"""The WhatsApp webhook in-process (Django's test client, no server): p50/p95 of one signed
delivery stored and answered, the work left queued for the worker.

    MEJABANTU_DEMO=1 MEJABANTU_VAR=$PWD/bench/out/var \\
        DATABASE_URL=sqlite:///$PWD/bench/out/whatsapp.sqlite3 \\
        .venv/bin/python bench/whatsapp_webhook.py --deliveries 2000 [--take-in]

Migrates the database first. ``--take-in`` then loads the demo offices and accounts and
times the worker taking every delivery in (one new ticket or reply each).
"""

import argparse
import hashlib
import hmac
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mejabantu.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
SECRET = "bench-app-secret"  # noqa: S105
os.environ["MEJABANTU_WHATSAPP"] = f"19.02=1098765:bench-token:{SECRET}:bench-verify"
os.environ["WHATSAPP_WEBHOOK_RATE"] = ""

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402


def delivery(i: int) -> bytes:
    number = f"62812{i % 500:07d}"  # 500 numbers: most messages join an open ticket
    value = {
        "messaging_product": "whatsapp",
        "metadata": {"phone_number_id": "1098765"},
        "contacts": [{"profile": {"name": f"Penanya {i % 500}"}, "wa_id": number}],
        "messages": [
            {
                "from": number,
                "id": f"wamid.bench.{time.time_ns()}.{i}",
                "timestamp": str(int(time.time())),
                "type": "text",
                "text": {"body": f"Pertanyaan nomor {i} tentang syarat pencalonan"},
            }
        ],
    }
    body = {"object": "whatsapp_business_account", "entry": [{"changes": [{"value": value}]}]}
    return json.dumps(body).encode()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--deliveries", type=int, default=2000)
    parser.add_argument("--take-in", action="store_true")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    client = Client()
    bodies = [delivery(i) for i in range(args.deliveries)]
    signed = [
        (b, "sha256=" + hmac.new(SECRET.encode(), b, hashlib.sha256).hexdigest()) for b in bodies
    ]
    for body, signature in signed[:50]:  # warm up
        client.post(
            "/whatsapp/19.02/webhook/",
            body,
            content_type="application/json",
            HTTP_X_HUB_SIGNATURE_256=signature,
        )
    times = []
    for body, signature in signed[50:]:
        start = time.perf_counter()
        response = client.post(
            "/whatsapp/19.02/webhook/",
            body,
            content_type="application/json",
            HTTP_X_HUB_SIGNATURE_256=signature,
        )
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.content
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(
        f"webhook, {len(times)} signed deliveries: p50 {statistics.median(times):.2f} ms, "
        f"p95 {p95:.2f} ms, max {times[-1]:.2f} ms"
    )
    if args.take_in:
        from mejabantu.accounts import demo as accounts_demo
        from mejabantu.helpdesk.defaults import ensure_default_categories
        from mejabantu.helpdesk.services.whatsapp_intake import whatsapp_take_in_due
        from mejabantu.offices import demo as offices_demo

        offices_demo.load()
        accounts_demo.load()
        ensure_default_categories()
        start = time.perf_counter()
        taken = whatsapp_take_in_due()
        seconds = time.perf_counter() - start
        print(f"worker: {taken} deliveries taken in, {seconds:.1f} s ({taken / seconds:.0f}/s)")


if __name__ == "__main__":
    main()
