"""The current instant, which tests and demos can freeze.

`MEJABANTU_FAKE_NOW` (an ISO 8601 instant with its offset, e.g. 2024-08-25T03:00:00+07:00)
freezes what working-time code sees as "now"; browser tests pass it to the server process.
It is read on each call, never at import time.
"""

import os
from datetime import datetime

from django.utils import timezone


def now() -> datetime:
    """Return the current aware instant, or the frozen one from MEJABANTU_FAKE_NOW."""
    fake = os.environ.get("MEJABANTU_FAKE_NOW", "").strip()
    if fake:
        value = datetime.fromisoformat(fake)
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        return value
    return timezone.now()
