"""Booking under contention and slot listing speed for the schedule app.

    export MEJABANTU_DEMO=1 MEJABANTU_VAR=$PWD/bench/out/var
    createdb mejabantu_schedule_bench   # PostgreSQL: separate connections race for real
    DATABASE_URL=postgres:///mejabantu_schedule_bench .venv/bin/python bench/schedule_booking.py
    DATABASE_URL=sqlite:///$PWD/bench/out/schedule.sqlite3 .venv/bin/python bench/schedule_booking.py

Prints: the time to list 14 days of slots; sequential bookings per second; and, for rounds of
N threads racing for the last place of a slot, how long a round takes and how many bookings
it produced (must always be exactly one). Leaves its rows behind in its own database.
"""

import argparse
import os
import statistics
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mejabantu.settings")
os.environ.setdefault("MEJABANTU_DEMO", "1")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from mejabantu.accounts.models import Organisation, User  # noqa: E402
from mejabantu.offices.models import Office  # noqa: E402
from mejabantu.schedule import selectors, services  # noqa: E402
from mejabantu.schedule.models import Appointment, SlotSettings  # noqa: E402

WIB = ZoneInfo("Asia/Jakarta")
NOW = datetime(2024, 9, 2, 7, 0, tzinfo=WIB)


def operators(office: Office, n: int) -> list[User]:
    users = []
    for i in range(n):
        org, _ = Organisation.objects.get_or_create(
            code=f"bench-tim-{i}", defaults={"name": f"Tim Bench {i}", "office": office}
        )
        user, _ = User.objects.get_or_create(
            username=f"bench-lo-{i}", defaults={"role": User.Role.OPERATOR, "organisation": org}
        )
        users.append(user)
    return users


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--racers", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("demo", verbosity=0)
    office = Office.objects.get(code="19.02")
    SlotSettings.objects.update_or_create(
        office=office, defaults={"capacity": 3, "horizon_days": 14, "min_notice_minutes": 0}
    )
    Appointment.objects.filter(organisation__code__startswith="bench-").delete()
    users = operators(office, max(args.racers, 30))

    start, end = selectors.day_bounds(office, NOW.date())[0], NOW + timedelta(days=14)
    timings = []
    for _ in range(20):
        t0 = time.perf_counter()
        slots = selectors.slots_between(office, start, end)
        timings.append(time.perf_counter() - t0)
    print(
        f"list 14 days of slots ({len(slots)} slots): median {statistics.median(timings) * 1000:.1f} ms"
    )

    free = [s for s in slots if s.free == s.capacity]
    t0 = time.perf_counter()
    count = 0
    for slot in free[:10]:
        for user in users[:3]:
            services.appointment_book(actor=user, office=office, starts_at=slot.starts_at, now=NOW)
            count += 1
    elapsed = time.perf_counter() - t0
    print(f"sequential bookings: {count} in {elapsed:.2f} s = {count / elapsed:.0f}/s")

    round_times, winners = [], []
    for slot in free[10 : 10 + args.rounds]:
        services.appointment_book(actor=users[0], office=office, starts_at=slot.starts_at, now=NOW)
        services.appointment_book(actor=users[1], office=office, starts_at=slot.starts_at, now=NOW)
        barrier = threading.Barrier(args.racers)
        booked = []

        def race(user, starts_at=slot.starts_at, barrier=barrier, booked=booked):
            try:
                barrier.wait()
                services.appointment_book(actor=user, office=office, starts_at=starts_at, now=NOW)
                booked.append(user.pk)
            except services.ScheduleError:
                pass
            finally:
                connection.close()

        threads = [threading.Thread(target=race, args=(u,)) for u in users[2 : 2 + args.racers]]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        round_times.append(time.perf_counter() - t0)
        winners.append(len(booked))
    print(
        f"{args.rounds} rounds of {args.racers} threads racing for the last place: "
        f"bookings per round {sorted(set(winners))} (must be [1]); "
        f"round median {statistics.median(round_times) * 1000:.0f} ms, "
        f"max {max(round_times) * 1000:.0f} ms"
    )
    print(f"database: {connection.vendor}; rerun: see this file's docstring")


if __name__ == "__main__":
    main()
