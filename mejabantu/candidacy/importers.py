"""CSV importers for candidacy data; documented in docs/candidacy-data.md.

Each importer reads the whole file, checks every row and reports all errors by row number
before writing anything; the writes then run in one transaction, so an import either
lands completely or not at all. Messages are Indonesian: the people running imports are
KPU staff.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from mejabantu.candidacy.models import Contest, Party, PartyResult, RegionStats
from mejabantu.offices.models import Region

COLUMNS = {
    "regions": (("code", "name", "level"), ("parent_code",)),
    "parties": (("code", "name", "short_name"), ("ballot_number",)),
    "dpt": (
        ("region_code", "dpt_pemilu"),
        ("dpt_pilkada", "dprd_seats", "valid_votes_total", "illustrative", "source"),
    ),
    "votes": (("region_code", "party_code", "votes"), ("seats", "illustrative")),
    "contests": (("region_code", "kind", "election_date", "determination_date"), ()),
}
KINDS = tuple(COLUMNS)
TRUE = {"1", "ya", "yes", "true", "y"}
FALSE = {"", "0", "tidak", "no", "false", "n"}


class ImportFailed(Exception):
    """The file was refused; ``errors`` lists what to fix, by row."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class ImportReport:
    kind: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    notes: list[str] = field(default_factory=list)


class _Row:
    def __init__(self, number: int, data: dict, errors: list[str]):
        self.number = number
        self.data = {k: (v or "").strip() for k, v in data.items() if k}
        self.errors = errors

    def error(self, message: str) -> None:
        self.errors.append(_("Row %(row)s: %(message)s") % {"row": self.number, "message": message})

    def text(self, key: str) -> str:
        return self.data.get(key, "")

    def integer(self, key: str, *, required: bool = True) -> int | None:
        raw = self.text(key).replace(".", "").replace(" ", "")
        if raw == "":
            if required:
                self.error(_("column %(column)s is required.") % {"column": key})
            return None
        if not raw.isdecimal():
            self.error(
                _("column %(column)s must be a whole number, 0 or more, not %(value)r.")
                % {"column": key, "value": self.text(key)}
            )
            return None
        return int(raw)

    def flag(self, key: str) -> bool:
        raw = self.text(key).lower()
        if raw in TRUE:
            return True
        if raw not in FALSE:
            self.error(
                _("column %(column)s must be ya/tidak, not %(value)r.")
                % {"column": key, "value": self.text(key)}
            )
        return False

    def date(self, key: str) -> dt.date | None:
        try:
            return dt.date.fromisoformat(self.text(key))
        except ValueError:
            self.error(
                _("column %(column)s must be a date YYYY-MM-DD, not %(value)r.")
                % {"column": key, "value": self.text(key)}
            )
            return None


def _read(kind: str, stream: io.TextIOBase | Iterable[str]) -> tuple[list[_Row], list[str]]:
    errors: list[str] = []
    reader = csv.DictReader(stream)
    required, optional = COLUMNS[kind]
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in required if c not in header]
    if missing:
        raise ImportFailed(
            [
                _(
                    "Row 1 (column titles): columns %(missing)s are missing. Columns for %(kind)s: %(columns)s."
                )
                % {
                    "missing": ", ".join(missing),
                    "kind": kind,
                    "columns": ", ".join(required + optional),
                }
            ]
        )
    reader.fieldnames = header
    rows = [_Row(i, data, errors) for i, data in enumerate(reader, start=2)]
    if not rows:
        raise ImportFailed([_("The file has no data rows.")])
    return rows, errors


def import_csv(
    *, kind: str, stream, progress: Callable[[int, int], None] | None = None
) -> ImportReport:
    """Import one CSV file of ``kind``; raise :class:`ImportFailed` and write nothing on error."""
    if kind not in COLUMNS:
        raise ImportFailed(
            [
                _("Unknown kind of data %(kind)r; choose %(kinds)s.")
                % {"kind": kind, "kinds": ", ".join(KINDS)}
            ]
        )
    rows, errors = _read(kind, stream)
    plan = globals()[f"_plan_{kind}"](rows)
    if errors:
        raise ImportFailed(errors)
    report = ImportReport(kind=kind, rows=len(rows))
    with transaction.atomic():
        for i, write in enumerate(plan, start=1):
            created = write()
            if created:
                report.created += 1
            else:
                report.updated += 1
            if progress and (i % 500 == 0 or i == len(plan)):
                progress(i, len(plan))
    return report


LEVELS = {c for c, _label in Region.Level.choices}


def _plan_regions(rows: list[_Row]):
    known = set(Region.objects.values_list("code", flat=True))
    in_file = {r.text("code") for r in rows}
    plan = []
    seen = set()
    for row in sorted(rows, key=lambda r: len(r.text("code"))):
        code, name, level, parent = (row.text(k) for k in ("code", "name", "level", "parent_code"))
        if not code or not name:
            row.error(_("columns code and name are required."))
            continue
        if code in seen:
            row.error(_("region code %(code)s appears twice.") % {"code": code})
        seen.add(code)
        if level not in LEVELS:
            row.error(
                _("column level must be one of %(levels)s.") % {"levels": ", ".join(sorted(LEVELS))}
            )
        if parent and parent not in known and parent not in in_file:
            row.error(
                _("parent region %(code)s is unknown; import the parent first.") % {"code": parent}
            )

        def write(code=code, name=name, level=level, parent=parent):
            parent_obj = Region.objects.get(code=parent) if parent else None
            _obj, created = Region.objects.update_or_create(
                code=code, defaults={"name": name, "level": level, "parent": parent_obj}
            )
            return created

        plan.append(write)
    return plan


def _plan_parties(rows: list[_Row]):
    plan = []
    for row in rows:
        code, name, short = row.text("code"), row.text("name"), row.text("short_name")
        if not code or not name or not short:
            row.error(_("columns code, name and short_name are required."))
        number = row.integer("ballot_number", required=False)

        def write(code=code, name=name, short=short, number=number):
            return Party.objects.update_or_create(
                code=code, defaults={"name": name, "short_name": short, "ballot_number": number}
            )[1]

        plan.append(write)
    return plan


def _regions_by_code(rows: list[_Row]) -> dict[str, Region]:
    codes = {r.text("region_code") for r in rows}
    return {r.code: r for r in Region.objects.filter(code__in=codes)}


def _plan_dpt(rows: list[_Row]):
    regions = _regions_by_code(rows)
    plan = []
    for row in rows:
        region = regions.get(row.text("region_code"))
        if region is None:
            row.error(
                _("region %(code)r is unknown; import the regions first.")
                % {"code": row.text("region_code")}
            )
        elif region.level not in ("provinsi", "kabupaten", "kota"):
            row.error(_("DPT only for a provinsi, kabupaten or kota."))
        dpt = row.integer("dpt_pemilu")
        if dpt == 0:
            row.error(_("column dpt_pemilu must be more than 0."))
        values = {
            "dpt_pemilu": dpt,
            "dpt_pilkada": row.integer("dpt_pilkada", required=False),
            "dprd_seats": row.integer("dprd_seats", required=False),
            "valid_votes_total": row.integer("valid_votes_total", required=False),
            "illustrative": row.flag("illustrative"),
            "source": row.text("source"),
        }

        def write(region=region, values=values):
            return RegionStats.objects.update_or_create(region=region, defaults=values)[1]

        plan.append(write)
    return plan


def _plan_votes(rows: list[_Row]):
    regions = _regions_by_code(rows)
    parties = {p.code: p for p in Party.objects.all()}
    stats = {s.region.code: s for s in RegionStats.objects.select_related("region")}
    plan = []
    totals: dict[str, tuple[int, int]] = {}
    for row in rows:
        code = row.text("region_code")
        region = regions.get(code)
        party = parties.get(row.text("party_code"))
        if region is None:
            row.error(_("region %(code)r is unknown; import the regions first.") % {"code": code})
        if party is None:
            row.error(
                _("party %(code)r is unknown; import the list of parties first.")
                % {"code": row.text("party_code")}
            )
        votes = row.integer("votes")
        seats = row.integer("seats", required=False) or 0
        v, s = totals.get(code, (0, 0))
        totals[code] = (v + (votes or 0), s + seats)
        illustrative = row.flag("illustrative")

        def write(region=region, party=party, votes=votes, seats=seats, ill=illustrative):
            return PartyResult.objects.update_or_create(
                region=region,
                party=party,
                defaults={"votes": votes, "seats": seats, "illustrative": ill},
            )[1]

        plan.append(write)
    for code, (votes, seats) in totals.items():
        st = stats.get(code)
        if st and st.valid_votes_total is not None and votes > st.valid_votes_total:
            rows[0].errors.append(
                _(
                    "Region %(code)s: the parties' votes (%(votes)s) exceed the recorded total "
                    "of valid votes (%(total)s)."
                )
                % {"code": code, "votes": votes, "total": st.valid_votes_total}
            )
        if st and st.dprd_seats is not None and seats > st.dprd_seats:
            rows[0].errors.append(
                _(
                    "Region %(code)s: the parties' seats (%(seats)s) exceed the DPRD seats (%(total)s)."
                )
                % {"code": code, "seats": seats, "total": st.dprd_seats}
            )
    return plan


KIND_LEVEL = {"gubernur": "provinsi", "bupati": "kabupaten", "walikota": "kota"}


def _plan_contests(rows: list[_Row]):
    regions = _regions_by_code(rows)
    plan = []
    for row in rows:
        region = regions.get(row.text("region_code"))
        kind = row.text("kind")
        if region is None:
            row.error(
                _("region %(code)r is unknown; import the regions first.")
                % {"code": row.text("region_code")}
            )
        if kind not in KIND_LEVEL:
            row.error(_("column kind must be gubernur, bupati or walikota."))
        elif region is not None and region.level != KIND_LEVEL[kind]:
            row.error(
                _("a %(kind)s election does not fit a region of level %(level)s.")
                % {"kind": kind, "level": region.level}
            )
        election, determination = row.date("election_date"), row.date("determination_date")
        if election and determination and determination > election:
            row.error(_("determination_date must be before election_date."))

        def write(region=region, kind=kind, election=election, determination=determination):
            return Contest.objects.update_or_create(
                region=region,
                kind=kind,
                election_date=election,
                defaults={"determination_date": determination},
            )[1]

        plan.append(write)
    return plan
