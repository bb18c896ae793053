"""Exact arithmetic for thresholds: percentages as fractions, rounding up as the KPU does.

Percentages arrive as strings ("8.5") or Decimals and are turned into exact fractions, so
``ceil(8.5 % of 125,883)`` never suffers binary floating-point error at the edges.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal
from fractions import Fraction


def as_fraction(percent: str | int | Decimal | Fraction) -> Fraction:
    """Return ``percent`` as an exact Fraction of one (e.g. "8.5" → 17/200)."""
    if isinstance(percent, Fraction):
        return percent / 100
    return Fraction(Decimal(str(percent))) / 100


def percent_of_ceil(percent: str | int | Decimal | Fraction, total: int) -> int:
    """Return ceil(percent × total) in whole units (votes, supporters, seats)."""
    share = as_fraction(percent) * total
    return -(-share.numerator // share.denominator)


def more_than_half(count: int) -> int:
    """Return the smallest whole number that is more than half of ``count`` (4 → 3, 5 → 3)."""
    return count // 2 + 1


def share_percent(part: int, whole: int, places: int = 2) -> Decimal:
    """Return part/whole as a percentage cut (not rounded up) to ``places`` decimals.

    Cutting keeps the display honest: 9.9999 % shows as 9.99 %, never as 10.00 %.
    """
    if whole <= 0:
        return Decimal(0)
    exact = Fraction(part * 100, whole)
    value = Decimal(exact.numerator) / Decimal(exact.denominator)
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN)


def format_percent(value: str | Decimal) -> str:
    """Format a percentage the Indonesian way: 8.5 → "8,5", 10 → "10"."""
    text = format(Decimal(str(value)).normalize(), "f")
    return text.replace(".", ",")


def format_number(value: int) -> str:
    """Format a count the Indonesian way: 13650 → "13.650"."""
    return f"{value:,}".replace(",", ".")
