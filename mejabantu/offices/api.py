"""Offices in the JSON API: contact data, working time, holidays and special days."""

from datetime import date, datetime, timedelta

from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import ValidationError

from mejabantu.offices import business_time as bt
from mejabantu.offices import clock
from mejabantu.offices.hours import opening_status
from mejabantu.offices.selectors import dated_entries, office_calendar, office_get

router = Router(tags=["offices"])

MAX_RANGE_DAYS = 3 * 366
DEFAULT_RANGE_DAYS = 60


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


class RangeQuery(Schema):
    from_: date | None = Field(None, alias="from", description="YYYY-MM-DD (default today)")
    to: date | None = Field(None, description="YYYY-MM-DD (default 60 days after from)")


def _spans(spans) -> list[dict]:
    return [{"start": bt.format_clock(s), "end": bt.format_clock(e)} for s, e in spans]


def _range_error(field: str, message: str) -> ValidationError:
    return ValidationError([{"loc": ["query", field], "msg": message}])


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
