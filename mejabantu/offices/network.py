"""The network of regions and offices: the Kemendagri list loaded, an office for every region.

`regions_import` loads ``data/regions.csv`` (or a file of the same columns) and
`offices_create` gives every province, kabupaten and kota its KPU office under KPU RI. Both
read what exists in one query and write in bulk only what differs, so a second run changes
nothing and the 553 offices take seconds, not minutes.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from typing import IO

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mejabantu.offices import business_time as bt
from mejabantu.offices.defaults import government_week
from mejabantu.offices.models import HoursChange, Office, Region, ServiceHours, TimeZone
from mejabantu.offices.prefixes import unique_prefix

DATA_FILE = Path(__file__).resolve().parent / "data" / "regions.csv"
NATIONAL_CODE = "00"
RI_CODE = "ri"

Progress = Callable[[int, int], None]
LEVELS = {c for c, _label in Region.Level.choices}
ZONES = {z.label: z.value for z in TimeZone}
FLAGS = {"1": True, "ya": True, "true": True, "0": False, "tidak": False, "false": False}
OFFICE_LEVEL = {
    Region.Level.NATIONAL: Office.Level.RI,
    Region.Level.PROVINCE: Office.Level.PROVINCE,
    Region.Level.REGENCY: Office.Level.REGENCY,
    Region.Level.CITY: Office.Level.CITY,
}


@dataclass
class ChangeReport:
    """What a run changed: rows created, updated and left as they were."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def changes(self) -> int:
        return self.created + self.updated


class RegionsImportFailed(Exception):
    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


def _depth(code: str) -> int:
    return 0 if code == NATIONAL_CODE else code.count(".") + 1


def read_regions(stream: IO[str]) -> list[dict]:
    """The rows of a regions file, checked; raise RegionsImportFailed naming every bad row.

    Columns: ``code``, ``name``, ``level`` (nasional, provinsi, kabupaten, kota, kecamatan),
    ``parent_code``; optional ``timezone`` (WIB, WITA, WIT) and ``pilkada_2024`` (1/0):
    a column left out keeps what is stored.
    """
    reader = csv.DictReader(stream)
    columns = set(reader.fieldnames or [])
    missing = {"code", "name", "level"} - columns
    if missing:
        raise RegionsImportFailed(
            [_("The file lacks the columns %(columns)s.") % {"columns": ", ".join(sorted(missing))}]
        )
    rows, errors, seen = [], [], set()
    for line, raw in enumerate(reader, start=2):
        text = {k: (v or "").strip() for k, v in raw.items() if k}
        row: dict = {"line": line, "code": text["code"], "name": text["name"]}
        row["level"], row["parent"] = text["level"], text.get("parent_code", "")
        problems = []
        if not row["code"] or not row["name"]:
            problems.append(_("code and name are required."))
        if row["code"] in seen:
            problems.append(_("region code %(code)s appears twice.") % {"code": row["code"]})
        seen.add(row["code"])
        if row["level"] not in LEVELS:
            problems.append(
                _("level must be one of %(levels)s.") % {"levels": ", ".join(sorted(LEVELS))}
            )
        if "timezone" in columns:
            zone = text.get("timezone", "")
            if zone and zone not in ZONES:
                problems.append(_("timezone must be WIB, WITA or WIT."))
            row["timezone"] = ZONES.get(zone, "")
        if "pilkada_2024" in columns:
            flag = text.get("pilkada_2024", "").lower()
            if flag not in FLAGS:
                problems.append(_("pilkada_2024 must be 1 or 0."))
            row["pilkada_2024"] = FLAGS.get(flag, False)
        errors += [_("Row %(line)s: %(problem)s") % {"line": line, "problem": p} for p in problems]
        rows.append(row)
    if errors:
        raise RegionsImportFailed(errors)
    return rows


def regions_import(*, stream: IO[str] | None = None, progress: Progress | None = None):
    """Create or update regions from a file (the shipped Kemendagri list by default).

    All rows or none: a bad row or an unknown parent stops the import before anything is
    written. Regions not in the file are left alone.
    """
    if stream is None:
        with DATA_FILE.open(encoding="utf-8", newline="") as shipped:
            rows = read_regions(shipped)
    else:
        rows = read_regions(stream)
    existing = {r.code: r for r in Region.objects.all()}
    in_file = {r["code"] for r in rows}
    unknown = [
        _("Row %(line)s: parent region %(code)s is unknown; add it to the file.")
        % {"line": r["line"], "code": r["parent"]}
        for r in rows
        if r["parent"] and r["parent"] not in in_file and r["parent"] not in existing
    ]
    if unknown:
        raise RegionsImportFailed(unknown)
    report, done = ChangeReport(), 0
    with transaction.atomic():
        for depth in sorted({_depth(r["code"]) for r in rows}):
            level_rows = [r for r in rows if _depth(r["code"]) == depth]
            _write_regions(level_rows, existing, report)
            done += len(level_rows)
            if progress:
                progress(done, len(rows))
    return report


def _write_regions(rows: list[dict], existing: dict[str, Region], report: ChangeReport) -> None:
    new, changed, fields = [], [], {"name", "level", "parent_id"}
    for row in rows:
        parent = existing[row["parent"]] if row["parent"] else None
        values = {"name": row["name"], "level": row["level"], "parent_id": parent and parent.pk}
        for optional in ("timezone", "pilkada_2024"):
            if optional in row:
                values[optional] = row[optional]
                fields.add(optional)
        region = existing.get(row["code"])
        if region is None:
            new.append(Region(code=row["code"], **values))
        elif any(getattr(region, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(region, k, v)
            changed.append(region)
        else:
            report.unchanged += 1
    if new:
        Region.objects.bulk_create(new, batch_size=500)
        # the next depth needs their ids (read back: not every backend returns them)
        existing.update((r.code, r) for r in Region.objects.filter(code__in=[r.code for r in new]))
    if changed:
        Region.objects.bulk_update(changed, sorted(fields), batch_size=500)
    report.created += len(new)
    report.updated += len(changed)


def office_name(region: Region) -> str:
    """KPU RI, KPU Provinsi Bali, KPU Kabupaten Belitung, KPU Kota Denpasar."""
    if region.level == Region.Level.NATIONAL:
        return "KPU RI"
    if region.level == Region.Level.PROVINCE:
        return f"KPU Provinsi {region.name}"
    return f"KPU {region.name}"


def _zone_of(region: Region, regions: dict[int, Region]) -> str:
    node: Region | None = region
    while node is not None and not node.timezone:
        node = regions.get(node.parent_id) if node.parent_id else None
    return node.timezone if node is not None else TimeZone.WIB


@transaction.atomic
def offices_create(*, progress: Progress | None = None) -> ChangeReport:
    """Give KPU RI and every province, kabupaten and kota region its office (idempotent).

    A new office is named for its region, sits under the office of the parent region (a
    province under KPU RI), takes its province's time zone and a reference prefix derived
    from its name, and gets the government working week of Perpres 21/2023 as unconfirmed
    hours. An office that exists keeps its name, prefix, contact data and hours; only its
    region, level, parent and time zone are brought in line with the regions.
    """
    regions = {r.pk: r for r in Region.objects.filter(level__in=OFFICE_LEVEL)}
    by_region = {o.region_id: o for o in Office.objects.filter(region__isnull=False)}
    by_code = {o.code: o for o in Office.objects.all()}
    taken = set(Office.objects.values_list("short_code", flat=True))
    report = ChangeReport()
    ordered = sorted(regions.values(), key=lambda r: (_depth(r.code), r.code))
    total = len(ordered)
    for depth in sorted({_depth(r.code) for r in ordered}):
        tier = [r for r in ordered if _depth(r.code) == depth]
        new, changed = [], []
        for region in tier:
            code = RI_CODE if region.level == Region.Level.NATIONAL else region.code
            parent_region = regions.get(region.parent_id) if region.parent_id else None
            parent = by_region.get(parent_region.pk) if parent_region else None
            values = {
                "region_id": region.pk,
                "level": OFFICE_LEVEL[Region.Level(region.level)],
                "parent_id": parent.pk if parent else None,
                "timezone": _zone_of(region, regions),
            }
            office = by_region.get(region.pk) or by_code.get(code)
            if office is None:
                name = office_name(region)
                prefix = unique_prefix(region.name, region.level, taken)
                new.append(Office(code=code, name=name, short_code=prefix, **values))
            elif any(getattr(office, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(office, k, v)
                changed.append(office)
            else:
                report.unchanged += 1
        if new:
            Office.objects.bulk_create(new, batch_size=500)
            created = list(Office.objects.filter(code__in=[o.code for o in new]))
            by_region.update((o.region_id, o) for o in created)
            _give_default_hours(created)
        if changed:
            Office.objects.bulk_update(
                changed, ["region_id", "level", "parent_id", "timezone"], batch_size=500
            )
            by_region.update((o.region_id, o) for o in changed)
        report.created += len(new)
        report.updated += len(changed)
        if progress:
            progress(report.created + report.updated + report.unchanged, total)
    return report


def _give_default_hours(offices: Iterable[Office]) -> None:
    """The government week in each office's own time, unconfirmed, with its change-log row."""
    hours, log, now = [], [], timezone.now()
    for office in offices:
        week = {
            day: bt.parse_spans(spans) for day, spans in government_week(office.timezone).items()
        }
        hours += [
            ServiceHours(office=office, weekday=day, start=_time(s), end=_time(e))
            for day, spans in week.items()
            for s, e in spans
        ]
        log.append(
            HoursChange(
                office=office,
                at=now,
                subject=HoursChange.Subject.WEEKLY_HOURS,
                before={"hours": {str(d): "" for d in range(7)}, "confirmed": False},
                after={
                    "hours": {str(d): bt.spans_text(week.get(d, ())) for d in range(7)},
                    "confirmed": False,
                },
            )
        )
    ServiceHours.objects.bulk_create(hours, batch_size=1000)
    HoursChange.objects.bulk_create(log, batch_size=500)


def _time(minutes: int) -> time:
    return time(23, 59) if minutes >= 24 * 60 else time(minutes // 60, minutes % 60)
