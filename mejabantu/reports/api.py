"""Reports in the JSON API: an office's summary over a range, and its tickets as CSV."""

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError, ValidationError

from mejabantu.offices import clock
from mejabantu.reports import selectors
from mejabantu.reports.exports import csv_filename, csv_lines
from mejabantu.reports.figures import Figures, figures
from mejabantu.reports.selectors import MAX_DAYS, Period

router = Router(tags=["reports"])

FIRST_YEAR, LAST_YEAR = 2000, 2100  # beyond: a typing error (and no datetime after 9999)


class RangeQuery(Schema):
    office: str = Field(..., description="office code: a Kemendagri code, or ri")
    from_: date | None = Field(
        None, alias="from", description="YYYY-MM-DD, in the office's zone (default: 1st)"
    )
    to: date | None = Field(None, description="YYYY-MM-DD, inclusive (default: month's end)")


class SpreadOut(Schema):
    count: int = Field(..., description="how many tickets the times are of")
    median: float | None = Field(None, description="working minutes")
    p90: float | None = Field(None, description="working minutes, nearest rank")


class SlaOut(Schema):
    first_response: float | None = Field(None, description="per cent, null: none decided")
    resolution: float | None = None


class CsatOut(Schema):
    count: int
    mean: float | None
    distribution: dict[str, int] = Field(..., description="rating 1..5 to how many")


class GroupOut(Schema):
    code: str = Field(..., description="empty for none (no organisation, not assigned)")
    label: str
    received: int
    answered: int
    resolved: int


class SummaryOut(Schema):
    office: str
    office_name: str
    offices: int = Field(..., description="how many offices the figures add up")
    from_: date = Field(..., alias="from")
    to: date
    timezone: str
    received: int
    answered: int
    resolved: int
    first_response_minutes: SpreadOut
    resolution_minutes: SpreadOut
    sla_met_percent: SlaOut
    overdue_now: int
    waiting_for_guidance_now: int
    escalated: int
    forwarded: int
    csat: CsatOut
    by_category: list[GroupOut]
    by_channel: list[GroupOut]
    by_organisation: list[GroupOut]
    by_officer: list[GroupOut]
    by_priority: list[GroupOut]


def _invalid(field: str, message: str) -> ValidationError:
    return ValidationError([{"loc": ["query", field], "msg": message}])


def period_of(user, query: RangeQuery) -> Period:
    """The office (if the user may see its figures: else 403, unknown 404) and the range,
    this month in the office's zone by default; refused (422) backwards or over a year."""
    try:
        office = selectors.report_office(user, query.office)
    except PermissionDenied:
        raise HttpError(
            403, _("Only staff of this office or of an office above it see its reports.")
        ) from None
    today = clock.now().astimezone(ZoneInfo(office.timezone))
    first = query.from_ or today.date().replace(day=1)
    if query.to is not None:
        last = query.to
    else:
        last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    for name, day in (("from", first), ("to", last)):
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise _invalid(
                name,
                _("Choose a date between the years %(first)s and %(last)s.")
                % {"first": FIRST_YEAR, "last": LAST_YEAR},
            )
    if last < first:
        raise _invalid("to", _("The end date must be on or after the start date."))
    if (last - first).days + 1 > MAX_DAYS:
        raise _invalid("to", _("Ask for at most %(days)s days at a time.") % {"days": MAX_DAYS})
    return Period(office=office, first=first, last=last)


def _groups(rows) -> list[dict]:
    return [
        {
            "code": r.code,
            "label": r.label,
            "received": r.received,
            "answered": r.answered,
            "resolved": r.resolved,
        }
        for r in rows
    ]


def summary_dict(found: Figures) -> dict:
    """The figures as the API answers them."""
    period = found.period

    def spread(s):
        return {"count": s.count, "median": s.median, "p90": s.p90}

    return {
        "office": period.office.code,
        "office_name": period.office.name,
        "offices": found.offices,
        "from": period.first,
        "to": period.last,
        "timezone": period.office.timezone,
        "received": found.received,
        "answered": found.answered,
        "resolved": found.resolved,
        "first_response_minutes": spread(found.first_response),
        "resolution_minutes": spread(found.resolution),
        "sla_met_percent": {
            "first_response": found.sla_first_response.percent,
            "resolution": found.sla_resolution.percent,
        },
        "overdue_now": found.overdue_now,
        "waiting_for_guidance_now": found.waiting_guidance_now,
        "escalated": found.escalated,
        "forwarded": found.forwarded,
        "csat": {
            "count": found.satisfaction.count,
            "mean": found.satisfaction.mean,
            "distribution": {str(k): v for k, v in found.satisfaction.distribution.items()},
        },
        **{f"by_{name}": _groups(rows) for name, rows in found.breakdowns.items()},
    }


@router.get("/summary", response=SummaryOut, url_name="reports_summary", by_alias=True)
def summary(request, query: Query[RangeQuery]):
    """Return an office's figures over a range of days, rolled up over the offices below it
    (staff of the office or of an office above it)."""
    return summary_dict(figures(period_of(request.user, query)))


@router.get(
    "/tickets.csv",
    url_name="reports_tickets_csv",
    response={200: None},
    openapi_extra={
        "responses": {
            200: {
                "description": "UTF-8 CSV with a byte-order mark: a header row, then one row "
                "per ticket received in the range",
                "content": {"text/csv": {"schema": {"type": "string"}}},
            }
        }
    },
)
def tickets_csv(request, query: Query[RangeQuery]):
    """Return the tickets received in the range as CSV (the same access as the summary)."""
    period = period_of(request.user, query)
    return csv_response(period)


def csv_response(period: Period) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        (piece.encode("utf-8") for piece in csv_lines(period)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{csv_filename(period)}"'
    return response
