"""Offices in the JSON API: contact data, working time, holidays and special days."""

from datetime import date, datetime, timedelta

from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import ValidationError

from mejabantu.offices import business_time as bt
from mejabantu.offices import clock
from mejabantu.offices.hours import opening_status
from mejabantu.offices.models import Office
from mejabantu.offices.selectors import dated_entries, office_calendar, office_get, offices_list

router = Router(tags=["offices"])

MAX_RANGE_DAYS = 3 * 366
DEFAULT_RANGE_DAYS = 60
MAX_OFFICES = 1000


class SpanOut(Schema):
    start: str = Field(..., examples=["07.30"])
    end: str = Field(..., examples=["12.00"])


class WeekdayOut(Schema):
    weekday: int = Field(..., description="0 = Monday … 6 = Sunday")
    spans: list[SpanOut]


class HolidayOut(Schema):
    date: date
    name: str
    kind: str = Field(..., description="holiday (national or collective leave) or closure")
    hours: str = Field("", description="for a partial closure, the closed span")


class SpecialDayOut(Schema):
    date: date
    name: str
    spans: list[SpanOut]
    confirmed: bool


class OfficeOut(Schema):
    code: str
    name: str
    level: str
    timezone: str
    timezone_label: str
    parent: str | None
    hours_confirmed: bool = Field(..., description="false while the hours are derived")
    weekly_hours: list[WeekdayOut]
    open_now: bool
    next_opening: datetime | None = Field(None, description="now when open; null if none")
    open_until: datetime | None = None
    range_from: date
    range_to: date
    holidays: list[HolidayOut]
    special_days: list[SpecialDayOut]


class OfficeSummaryOut(Schema):
    code: str = Field(..., examples=["19.02"], description="Kemendagri code, or ri")
    name: str = Field(..., examples=["KPU Kabupaten Belitung"])
    level: str = Field(..., description="ri, provinsi, kabupaten or kota")
    parent: str | None = Field(None, description="code of the office above; null for KPU RI")
    timezone: str = Field(..., examples=["Asia/Jakarta"])
    timezone_label: str = Field(..., description="WIB, WITA or WIT")
    pilkada_2024: bool = Field(..., description="whether its region held Pilkada 2024")


class OfficeListOut(Schema):
    count: int
    results: list[OfficeSummaryOut]


class OfficeListQuery(Schema):
    level: str = Field("", description="ri, provinsi, kabupaten or kota")
    parent: str = Field("", description="code of the office above, e.g. 19 or ri")
    q: str = Field("", description="part of the name, any case")
    limit: int = Field(100, description=f"1 to {MAX_OFFICES}")
    offset: int = Field(0, description="0 or more")


class RangeQuery(Schema):
    from_: date | None = Field(None, alias="from", description="YYYY-MM-DD (default today)")
    to: date | None = Field(None, description="YYYY-MM-DD (default 60 days after from)")


def _spans(spans) -> list[dict]:
    return [{"start": bt.format_clock(s), "end": bt.format_clock(e)} for s, e in spans]


def _range_error(field: str, message: str) -> ValidationError:
    return ValidationError([{"loc": ["query", field], "msg": message}])


@router.get("", response=OfficeListOut, auth=None, url_name="office_list")
def office_list(request, query: Query[OfficeListQuery]):
    """Return every KPU office (KPU RI, provinces, kabupaten/kota), filtered and paged."""
    levels = [c for c, _label in Office.Level.choices]
    if query.level and query.level not in levels:
        raise _range_error("level", _("Choose a level: ri, provinsi, kabupaten or kota."))
    if not 1 <= query.limit <= MAX_OFFICES:
        raise _range_error(
            "limit",
            _("Ask for 1 to %(max)s offices at a time; page on with offset.")
            % {"max": MAX_OFFICES},
        )
    if query.offset < 0:
        raise _range_error("offset", _("The offset cannot be negative."))
    qs = offices_list(level=query.level, parent=query.parent, q=query.q)
    page = qs[query.offset : query.offset + query.limit]
    return {
        "count": qs.count(),
        "results": [
            {
                "code": o.code,
                "name": o.name,
                "level": o.level,
                "parent": o.parent.code if o.parent else None,
                "timezone": o.timezone,
                "timezone_label": o.timezone_label,
                "pilkada_2024": bool(o.region and o.region.pilkada_2024),
            }
            for o in page
        ],
    }


@router.get("/{code}", response=OfficeOut, auth=None, url_name="office_detail")
def office_detail(request, code: str, query: Query[RangeQuery]):
    """Return the office, its weekly hours, whether it is open, and dated days in a range."""
    office = office_get(code=code)
    calendar = office_calendar(office)
    status = opening_status(office, clock.now())
    first = query.from_ or status.now.date()
    last = query.to or first + timedelta(days=DEFAULT_RANGE_DAYS)
    if last < first:
        raise _range_error("to", _("The end date must be on or after the start date."))
    if (last - first).days > MAX_RANGE_DAYS:
        raise _range_error("to", _("Ask for at most three years at a time."))
    entries = dated_entries(office, first, last)
    return {
        "code": office.code,
        "name": office.name,
        "level": office.level,
        "timezone": office.timezone,
        "timezone_label": office.timezone_label,
        "parent": office.parent.code if office.parent else None,
        "hours_confirmed": office.hours_confirmed,
        "weekly_hours": [
            {"weekday": day, "spans": _spans(calendar.weekly[day])} for day in range(7)
        ],
        "open_now": status.open,
        "next_opening": status.now if status.open else status.opens_at,
        "open_until": status.until,
        "range_from": first,
        "range_to": last,
        "holidays": [
            {"date": e.date, "name": e.name, "kind": e.kind, "hours": e.hours}
            for e in entries
            if e.kind != "special"
        ],
        "special_days": [
            {
                "date": e.date,
                "name": e.name,
                "spans": _spans(calendar.special_days[e.date].spans),
                "confirmed": e.confirmed,
            }
            for e in entries
            if e.kind == "special"
        ],
    }
