"""Reference prefixes of offices (``Office.short_code``), derived from the name; pure.

A prefix starts every ticket reference (BLT-2024-000042), so it is short, upper case and
readable: the words of the region's name without "Kabupaten"/"Kota"/"Administrasi", each
shortened the way Indonesian abbreviations go (Barat BAR, Timur TIM, Selatan SEL, Utara UT,
Tengah TENG, Tenggara TRA; other words their first three letters: Belitung Timur → BELTIM,
Sumatera Utara → SUMUT, Jawa Barat → JAWBAR); a one-word name stays whole up to eight
letters (BANGKA, DENPASAR) and is cut to six past that (TANGER). A few provinces keep the
abbreviation everyone uses (DKI, DIY, NTB, NTT).

Two names that shorten alike (Kabupaten Bandung and Kota Bandung) are told apart by the
level: a city takes K before its prefix (KBANDUNG), a regency KAB, a province P; past that,
a number. Offices are given prefixes in code order, so the result never depends on the
order rows were read; a prefix already given (the demo's BLT, BABEL, RI) is never changed.
"""

from __future__ import annotations

import re

MAX_LENGTH = 8

DROPPED = {"KABUPATEN", "KOTA", "ADMINISTRASI", "PROVINSI"}
WORDS = {
    "BARAT": "BAR",
    "TIMUR": "TIM",
    "SELATAN": "SEL",
    "UTARA": "UT",
    "TENGAH": "TENG",
    "TENGGARA": "TRA",
    "DAYA": "DAYA",
    "KEPULAUAN": "KEP",
    "PEGUNUNGAN": "PEG",
}
# Whole names whose abbreviation everyone uses and the rule would not give.
NAMES = {
    "DAERAH KHUSUS IBUKOTA JAKARTA": "DKI",
    "DAERAH KHUSUS JAKARTA": "DKI",
    "DAERAH ISTIMEWA YOGYAKARTA": "DIY",
    "NUSA TENGGARA BARAT": "NTB",
    "NUSA TENGGARA TIMUR": "NTT",
}
LEVEL_MARK = {"kota": "K", "kabupaten": "KAB", "provinsi": "P"}


def words_of(name: str) -> list[str]:
    cleaned = re.sub(r"[^A-Z ]", " ", name.upper())
    return [w for w in cleaned.split() if w not in DROPPED]


def base_prefix(name: str) -> str:
    """The prefix a name shortens to, before collisions are resolved."""
    words = words_of(name)
    whole = " ".join(words)
    if whole in NAMES:
        return NAMES[whole]
    if not words:
        return "KPU"
    if len(words) == 1:
        word = words[0]
        return word if len(word) <= MAX_LENGTH else word[:6]
    return "".join(WORDS.get(w, w[:3]) for w in words)[:MAX_LENGTH]


def unique_prefix(name: str, level: str, taken: set[str]) -> str:
    """A prefix for the name not in ``taken`` (which it is added to)."""
    base = base_prefix(name)
    candidates = [base]
    if level in LEVEL_MARK:
        candidates.append((LEVEL_MARK[level] + base)[:MAX_LENGTH])
    candidates += [f"{base[: MAX_LENGTH - len(str(n))]}{n}" for n in range(2, 100)]
    for candidate in candidates:
        if candidate not in taken:
            taken.add(candidate)
            return candidate
    raise ValueError(f"no free prefix for {name}")  # pragma: no cover - 100 alike names
