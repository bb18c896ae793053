"""The background worker: runs queued tasks and the periodic jobs."""

import logging
import os
import signal
import time
from argparse import ArgumentParser
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand
from django.db import InterfaceError, OperationalError, close_old_connections, connections
from django_tasks_db.management.commands.db_worker import Worker

from mejabantu.core import periodic

logger = logging.getLogger("mejabantu.worker")
OUTAGE_BACKOFF = (1.0, 2.0, 5.0, 10.0)  # seconds between tries while the database is away


class Command(BaseCommand):
    help = "Run queued background tasks (mail, imports) and periodic jobs (SLA sweeps, reminders)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--interval", type=float, default=2.0, help="Seconds between polls.")
        parser.add_argument("--once", action="store_true", help="Run due work once and exit.")

    def handle(self, *args: Any, interval: float, once: bool, **options: Any) -> None:
        self.running = True
        last_run: dict[str, float] = {}

        def stop(signum: int, frame: FrameType | None) -> None:
            self.running = False

        if not once:
            signal.signal(signal.SIGTERM, stop)
            signal.signal(signal.SIGINT, stop)
        worker_id = f"{os.uname().nodename}-{os.getpid()}"

        def run_jobs(now: float, after_tasks: bool) -> None:
            for job in list(periodic.REGISTRY.values()):
                if job.after_tasks != after_tasks:
                    continue
                if once or now - last_run.get(job.name, -1e9) >= job.every_seconds:
                    last_run[job.name] = now
                    try:
                        job.func()
                    except (OperationalError, InterfaceError):
                        raise  # the database is away: the round waits for it (below)
                    except Exception:  # a failing job must not stop the worker
                        logger.exception("periodic job %s failed", job.name)

        outages = 0
        while self.running:
            try:
                self.round(run_jobs, worker_id)
            except (OperationalError, InterfaceError) as error:
                # the database is away (restart, failover, network): wait and try again;
                # what was queued stays queued and runs when it is back
                pause = OUTAGE_BACKOFF[min(outages, len(OUTAGE_BACKOFF) - 1)]
                outages += 1
                logger.warning("database unavailable (%s); retrying in %.0f s", error, pause)
                connections.close_all()
                if once:
                    raise
                time.sleep(pause)
                continue
            if outages:
                logger.warning("database back after %d failed rounds", outages)
                outages = 0
            if once:
                break
            time.sleep(interval)

    def round(self, run_jobs: Any, worker_id: str) -> None:
        """One round: periodic jobs, every queued task, the jobs that follow tasks."""
        now = time.monotonic()
        run_jobs(now, after_tasks=False)
        Worker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=worker_id,
            excluded_queue_names=[],
        ).run()
        run_jobs(now, after_tasks=True)
        close_old_connections()
