"""Periodic jobs run by the background worker (`mejabantu worker`).

Apps register idempotent callables here from their AppConfig.ready(); the worker calls
each one when it is due. Jobs must be safe to run on several workers at once.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class PeriodicJob:
    name: str
    every_seconds: int
    func: Callable[[], object]


REGISTRY: dict[str, PeriodicJob] = {}


def register(name: str, every_seconds: int, func: Callable[[], object]) -> None:
    """Register (or replace) a periodic job under a name."""
    REGISTRY[name] = PeriodicJob(name=name, every_seconds=every_seconds, func=func)
