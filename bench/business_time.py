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

    def timed(fn):
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        return result, time.perf_counter() - wall, time.process_time() - cpu

    cal, build, _ = timed(belitung)
    pairs = list(zip(starts, targets, strict=True))
    dues, cold, cold_cpu = timed(lambda: [add_working_minutes(cal, s, m) for s, m in pairs])
    _, warm, warm_cpu = timed(lambda: [add_working_minutes(cal, s, m) for s, m in pairs])
    back = list(zip(starts, dues, strict=True))
    _, between, between_cpu = timed(lambda: [working_minutes_between(cal, s, d) for s, d in back])

    print(f"calendar built in {build * 1000:.1f} ms (wall; includes the holidays package)")
    print(f"{n:,} due times, caches cold: {cold:.3f} s wall, {cold_cpu:.3f} s CPU")
    print(f"{n:,} due times, caches warm: {warm:.3f} s wall, {warm_cpu:.3f} s CPU")
    print(f"{n:,} working_minutes_between: {between:.3f} s wall, {between_cpu:.3f} s CPU")
    verdict = "met" if cold_cpu < 2 else "NOT met"
    print(
        f"goal: 100,000 due times under 2 s -> {verdict} (CPU time is the fair number on a busy machine)"
    )
    print("rerun: .venv/bin/python bench/business_time.py [N]")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
