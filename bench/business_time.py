"""Benchmark: due times for 100,000 tickets in KPU Kabupaten Belitung's working time.

Random `received_at` instants over 2024 and random targets (15 minutes to 5 working days),
with the Belitung calendar (government hours per Perpres 21/2023, national holidays, the
registration days 27-29 Aug 2024). Goal: under 2 s for 100,000 due times.

Rerun: .venv/bin/python bench/business_time.py [N]
"""

import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mejabantu.offices.business_time import (  # noqa: E402
    SpecialDay,
    WorkingCalendar,
    add_working_minutes,
    parse_spans,
    working_minutes_between,
)
from mejabantu.offices.defaults import (  # noqa: E402
    GOVERNMENT_WEEK,
    REGISTRATION_DAYS_2024,
    national_holidays,
)


def belitung() -> WorkingCalendar:
    return WorkingCalendar(
        tz="Asia/Jakarta",
        weekly=GOVERNMENT_WEEK,
        holidays=national_holidays(range(2024, 2026)),
        special_days=[
            SpecialDay(day=d, name=n, spans=parse_spans(s)) for d, n, s in REGISTRATION_DAYS_2024
        ],
    )


def main(n: int = 100_000) -> None:
    rng = random.Random(2024)  # noqa: S311 - benchmark data, not security
    year_start = datetime(2024, 1, 1, tzinfo=UTC)
    starts = [year_start + timedelta(seconds=rng.randrange(366 * 86400)) for _ in range(n)]
    targets = [rng.choice([15, 60, 120, 240, 480, 960, 2250]) for _ in range(n)]

    t0 = time.perf_counter()
    cal = belitung()
    build = time.perf_counter() - t0

    t0 = time.perf_counter()
    dues = [add_working_minutes(cal, s, m) for s, m in zip(starts, targets, strict=True)]
    cold = time.perf_counter() - t0

    t0 = time.perf_counter()
    dues = [add_working_minutes(cal, s, m) for s, m in zip(starts, targets, strict=True)]
    warm = time.perf_counter() - t0

    t0 = time.perf_counter()
    for s, d in zip(starts, dues, strict=True):
        working_minutes_between(cal, s, d)
    between = time.perf_counter() - t0

    print(f"calendar built in {build * 1000:.1f} ms")
    print(f"{n:,} due times (first run, caches cold): {cold:.3f} s")
    print(f"{n:,} due times (caches warm):            {warm:.3f} s")
    print(f"{n:,} working_minutes_between:            {between:.3f} s")
    print(f"goal: under 2 s for 100,000 -> {'met' if cold < 2 else 'NOT met'}")
    print("rerun: .venv/bin/python bench/business_time.py [N]")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
