"""Start Mejabantu: migrate, load the demo (in demo mode), serve the web and run the worker."""

import os
import subprocess
import sys
import time
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

DEMO_ACCOUNTS = [
    ("admin", "administrator"),
    ("koordinator", "koordinator KPU Kabupaten Belitung"),
    ("petugas1", "petugas meja bantuan"),
    ("petugas2", "petugas meja bantuan"),
    ("lo-partai-a", "LO partai A"),
    ("lo-partai-b", "LO partai B"),
]


class Command(BaseCommand):
    help = "Migrate, load the demo data in demo mode, and serve the web pages and the worker."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_WORKERS", "2")))
        parser.add_argument("--no-worker", action="store_true", help="Do not start the worker.")

    def handle(
        self, *args: Any, port: int, host: str, workers: int, no_worker: bool, **options: Any
    ) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        if settings.DEMO_MODE:
            call_command("demo", verbosity=0)
        python = sys.executable
        env = dict(os.environ)
        procs = [
            subprocess.Popen(  # noqa: S603 - fixed argv
                [
                    python,
                    "-m",
                    "gunicorn",
                    "mejabantu.wsgi:application",
                    "--bind",
                    f"{host}:{port}",
                    "--workers",
                    str(workers),
                    "--access-logfile",
                    "-",
                    "--log-level",
                    "warning",
                ],
                env=env,
            )
        ]
        if not no_worker:
            procs.append(subprocess.Popen([python, "-m", "mejabantu", "worker"], env=env))  # noqa: S603
        url = f"http://{host}:{port}"
        self.stdout.write(self.style.SUCCESS("\n" + _("Mejabantu runs at %(url)s/") % {"url": url}))
        if settings.DEMO_MODE:
            self.stdout.write(
                _("Demo accounts (password: %(password)s):") % {"password": settings.DEMO_PASSWORD}
            )
            for username, what in DEMO_ACCOUNTS:
                self.stdout.write(f"  {username:<12} {what}")
        self.stdout.write(_("Press Ctrl+C to stop.") + "\n")
        try:
            while all(p.poll() is None for p in procs):
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
        finally:
            for p in procs:
                if p.poll() is None:
                    p.terminate()
            for p in procs:
                try:
                    p.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    p.kill()
