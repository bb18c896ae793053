"""The demo data registry: each app adds a loader; `mejabantu demo` runs them in order."""

from collections.abc import Callable

# Loaders run in this order (the dependency order of the apps). Each must be idempotent.
LOADER_PATHS = [
    "mejabantu.offices.demo.load",
    "mejabantu.accounts.demo.load",
    "mejabantu.knowledge.demo.load",
    "mejabantu.candidacy.demo.load",
    "mejabantu.helpdesk.demo.load",
    "mejabantu.helpdesk.demo_guidance.load",
    "mejabantu.helpdesk.demo_network.load",
    "mejabantu.schedule.demo.load",
]


def loaders() -> list[Callable[[], object]]:
    from django.utils.module_loading import import_string

    found = []
    for path in LOADER_PATHS:
        try:
            found.append(import_string(path))
        except ImportError:
            continue  # the app has no demo data (yet)
    return found
