"""Periodic jobs run by the background worker (`mejabantu worker`).

Apps register idempotent callables here from their AppConfig.ready(); the worker calls
each one when it is due (``every_seconds=0``: every round). Jobs must be safe to run on
several workers at once. A job registered with ``after_tasks`` runs after the round's queued
tasks, so it also finds what the other jobs and the tasks left (the mail outbox).
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class PeriodicJob:
    name: str
    every_seconds: int
    func: Callable[[], object]
    after_tasks: bool = False


REGISTRY: dict[str, PeriodicJob] = {}


def register(
    name: str, every_seconds: int, func: Callable[[], object], *, after_tasks: bool = False
) -> None:
    """Register (or replace) a periodic job under a name."""
    REGISTRY[name] = PeriodicJob(
        name=name, every_seconds=every_seconds, func=func, after_tasks=after_tasks
    )
