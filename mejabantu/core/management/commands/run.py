"""Start Mejabantu: migrate, load the demo (in demo mode), serve the web and run the worker."""

import os
import signal
import subprocess
import sys
import time
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

RESTART_PAUSE = 3.0  # seconds between restarts of one child

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
        parser.add_argument(
            "--no-demo", action="store_true", help="Do not load the demo data (demo mode)."
        )

    def handle(
        self,
        *args: Any,
        port: int,
        host: str,
        workers: int,
        no_worker: bool,
        no_demo: bool,
        **options: Any,
    ) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        if settings.DEMO_MODE and not no_demo:
            call_command("demo", verbosity=0)
        python = sys.executable
        # the children (and the links in their mails, MEJABANTU_SITE_URL) use this address
        os.environ["HOST"], os.environ["PORT"] = host, str(port)
        children = {
            "web": [
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
            ]
        }
        if not no_worker:
            children["worker"] = [python, "-m", "mejabantu", "worker"]
        procs = {name: self.start(argv) for name, argv in children.items()}
        url = f"http://{host}:{port}"
        self.stdout.write(self.style.SUCCESS("\n" + _("Mejabantu runs at %(url)s/") % {"url": url}))
        if settings.DEMO_MODE:
            self.stdout.write(
                _("Demo accounts (password: %(password)s):") % {"password": settings.DEMO_PASSWORD}
            )
            for username, what in DEMO_ACCOUNTS:
                self.stdout.write(f"  {username:<12} {what}")
        self.stdout.write(_("Press Ctrl+C to stop.") + "\n")
        labels = {"web": _("The web server"), "worker": _("The worker")}
        restarts = dict.fromkeys(children, 0.0)
        signal.signal(signal.SIGTERM, _interrupt)
        try:
            while True:
                time.sleep(0.5)
                for name, proc in procs.items():
                    if proc.poll() is None:
                        continue
                    # a child that died (the database went away, a crash) is started again,
                    # at most every few seconds, so the product serves again by itself
                    if time.monotonic() - restarts[name] < RESTART_PAUSE:
                        continue
                    self.stderr.write(
                        _("%(name)s stopped (exit code %(code)s); starting it again")
                        % {"name": labels[name], "code": proc.returncode}
                    )
                    restarts[name] = time.monotonic()
                    procs[name] = self.start(children[name])
        except KeyboardInterrupt:
            pass
        finally:
            for p in procs.values():
                if p.poll() is None:
                    p.terminate()
            for p in procs.values():
                try:
                    p.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    p.kill()

    @staticmethod
    def start(argv: list[str]) -> subprocess.Popen[bytes]:
        return subprocess.Popen(argv, env=dict(os.environ))  # noqa: S603 - fixed argv


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # SIGTERM stops the children as Ctrl+C does
