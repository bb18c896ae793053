"""Default working-time data, pure (no Django): government hours and national holidays.

Perpres 21/2023 on working days and hours of government agencies: five working days, work
starts 07.30 local time, breaks of 60 minutes Monday to Thursday and 90 minutes on Friday,
37.5 hours a week; the daily hours are set by each agency head. The spans below are derived
from those rules (facts §8.3) and are **unconfirmed**: no published KPU Belitung schedule was
found, so the coordinator can correct them.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

GOVERNMENT_WEEK: dict[int, list[tuple[str, str]]] = {
    0: [("07.30", "12.00"), ("13.00", "16.00")],
    1: [("07.30", "12.00"), ("13.00", "16.00")],
    2: [("07.30", "12.00"), ("13.00", "16.00")],
    3: [("07.30", "12.00"), ("13.00", "16.00")],
    4: [("07.30", "11.30"), ("13.00", "16.30")],
}
"""Monday-Thursday 07.30-16.00 with a 60-minute break; Friday 07.30-16.30 with 90 minutes."""


def government_week(zone: str) -> dict[int, list[tuple[str, str]]]:
    """The national working week of an office in this time zone, in its local time.

    Perpres 21/2023 sets the start at 07.30 *local* time in every zone, so an office in WITA
    or WIT keeps the same clock times as one in WIB (its hours are simply an hour or two
    earlier in Jakarta's time).
    """
    return {day: list(spans) for day, spans in GOVERNMENT_WEEK.items()}


REGISTRATION_DAYS_2024: list[tuple[date, str, list[tuple[str, str]]]] = [
    (date(2024, 8, 27), "Pendaftaran pasangan calon (hari 1)", [("08.00", "16.00")]),
    (date(2024, 8, 28), "Pendaftaran pasangan calon (hari 2)", [("08.00", "16.00")]),
    (date(2024, 8, 29), "Pendaftaran pasangan calon (hari terakhir)", [("08.00", "23.59")]),
]
"""Registration of candidate pairs, PKPU 8/2024 Pasal 96 (facts §6): 08.00-16.00 local time on
the first two days, until 23.59 local time on the last."""

EXTRA_NATIONAL_HOLIDAYS: dict[date, str] = {
    date(2024, 11, 27): "Hari Pemungutan Suara Pilkada Serentak 2024",
}
"""Holidays the `holidays` package may lack: the 2024 Pilkada voting day (Keppres 33/2024)."""


def national_holidays(years: range | list[int]) -> dict[date, str]:
    """Return Indonesian national holidays (election days included) for the given years."""
    return dict(_national_holidays(tuple(years)))


@lru_cache(maxsize=32)
def _national_holidays(years: tuple[int, ...]) -> dict[date, str]:
    import holidays

    found: dict[date, str] = {}
    try:
        source = holidays.country_holidays("ID", years=list(years), language="id")
    except (
        NotImplementedError,
        KeyError,
    ):  # pragma: no cover - older package without Indonesian names
        source = holidays.country_holidays("ID", years=list(years))
    for day, name in sorted(source.items()):
        found[day] = name
    for day, name in EXTRA_NATIONAL_HOLIDAYS.items():
        if day.year in years:
            found.setdefault(day, name)
    return found
