"""Pure planning logic (no Django): slots cut from open intervals, registration-day conflicts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta


def cut_slots(
    intervals: Iterable[tuple[datetime, datetime]], minutes: int
) -> list[tuple[datetime, datetime]]:
    """Cut open intervals into whole slots of `minutes`; a remainder shorter than that is dropped.

    Slots start at the opening of each interval, so a desk open 07.30–12.00 with 30-minute
    slots offers 07.30, 08.00, … 11.30, and none crosses the lunch break.
    """
    if minutes <= 0:
        raise ValueError("slot length must be positive")
    step = timedelta(minutes=minutes)
    slots: list[tuple[datetime, datetime]] = []
    for start, end in intervals:
        at = start
        while at + step <= end:
            slots.append((at, at + step))
            at += step
    return slots


@dataclass(frozen=True)
class Refusal:
    """Why a booking time is refused: a code for the API and the service's message picks."""

    code: str  # "past" | "notice" | "horizon" | "closed"


def check_booking_time(
    *,
    starts_at: datetime,
    now: datetime,
    slots: list[tuple[datetime, datetime]],
    horizon_days: int,
    min_notice: timedelta,
) -> Refusal | None:
    """Return why a slot start cannot be booked now, or None when it can."""
    if starts_at <= now:
        return Refusal("past")
    if starts_at < now + min_notice:
        return Refusal("notice")
    if starts_at > now + timedelta(days=horizon_days):
        return Refusal("horizon")
    if all(start != starts_at for start, _end in slots):
        return Refusal("closed")
    return None


def lowest_free_place(taken: Iterable[int], capacity: int) -> int | None:
    """Return the lowest place number 1..capacity not taken, or None when the slot is full."""
    used = set(taken)
    for place in range(1, capacity + 1):
        if place not in used:
            return place
    return None


@dataclass(frozen=True)
class PlanEntry:
    """One arrival booked on a registration day."""

    booking_id: int
    organisation: str  # organisation code
    kind: str  # party | coalition | independent | other
    party_codes: tuple[str, ...]  # the parties the booking names (a party names itself)
    day: date


@dataclass(frozen=True)
class Conflict:
    code: str  # "same-party" | "coalition-split"
    party: str
    booking_ids: tuple[int, ...]


def plan_conflicts(entries: list[PlanEntry]) -> list[Conflict]:
    """Flag the registration-day plan's conflicts.

    - same-party: two bookings name the same party (a party may nominate one pair only,
      alone or in one coalition — UU 10/2016 Pasal 40 ayat (4); PKPU 8/2024 Pasal 11 ayat (4));
    - coalition-split: a coalition's booking names a party that also booked on its own.
    """
    by_party: dict[str, list[PlanEntry]] = defaultdict(list)
    for entry in entries:
        for party in sorted(set(entry.party_codes)):
            by_party[party].append(entry)
    conflicts: list[Conflict] = []
    for party, named in sorted(by_party.items()):
        if len(named) < 2:
            continue
        ids = tuple(sorted(e.booking_id for e in named))
        kinds = {e.kind for e in named}
        code = "coalition-split" if "coalition" in kinds and "party" in kinds else "same-party"
        conflicts.append(Conflict(code=code, party=party, booking_ids=ids))
    return conflicts
