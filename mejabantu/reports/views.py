"""The report page (/laporan/) and its CSV and XLSX downloads: read-only, for the office's
staff and the offices above it."""

from __future__ import annotations

from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from mejabantu.offices import clock
from mejabantu.reports import selectors
from mejabantu.reports.api import csv_response
from mejabantu.reports.charts import bar_chart
from mejabantu.reports.figures import figures
from mejabantu.reports.forms import ReportFilter, month_of
from mejabantu.reports.labels import breakdown_titles, cards
from mejabantu.reports.selectors import Period
from mejabantu.reports.xlsx import workbook_bytes, xlsx_filename

FIELDS = ("office", "date_from", "date_to")


def _filter(request: HttpRequest) -> tuple[ReportFilter, Period | None]:
    """The filter as asked (by default this month at the user's own office) and the period it
    gives, or None when it is not valid. 403 for anyone who sees no figures."""
    home = selectors.home_office(request.user)
    if home is None:
        raise PermissionDenied
    first, last = month_of(clock.now().astimezone(ZoneInfo(home.timezone)).date())
    data = {"office": home.code, "date_from": first.isoformat(), "date_to": last.isoformat()}
    data.update({k: v for k, v in request.GET.items() if k in FIELDS and v})
    form = ReportFilter(data, offices=selectors.offices_reported(request.user))
    if not form.is_valid():
        return form, None
    office = selectors.report_office(request.user, form.cleaned_data["office"])
    period = Period(
        office=office, first=form.cleaned_data["date_from"], last=form.cleaned_data["date_to"]
    )
    return form, period


def _query(period: Period) -> str:
    return urlencode(
        {
            "office": period.office.code,
            "date_from": period.first.isoformat(),
            "date_to": period.last.isoformat(),
        }
    )


@login_required
def report(request: HttpRequest) -> HttpResponse:
    """The figures of an office over a range, each saying how it is computed, and a chart
    with its table for each breakdown."""
    form, period = _filter(request)
    context: dict = {"form": form, "period": period}
    if period is not None:
        found = figures(period)
        titles = breakdown_titles()
        context.update(
            found=found,
            cards=cards(found),
            breakdowns=[
                {
                    "name": name,
                    "title": titles[name],
                    "rows": rows,
                    "chart": bar_chart(rows, title=titles[name]),
                }
                for name, rows in found.breakdowns.items()
            ],
            query=_query(period),
        )
    return render(request, "reports/report.html", context, status=200 if period else 400)


@login_required
def tickets_csv(request: HttpRequest) -> HttpResponse:
    """The tickets received in the range as CSV (as the API's tickets.csv)."""
    form, period = _filter(request)
    if period is None:
        return redirect(f"{reverse('reports:report')}?{request.GET.urlencode()}")
    return csv_response(period)


@login_required
def figures_xlsx(request: HttpRequest) -> HttpResponse:
    """The figures as XLSX: a summary sheet and a sheet per breakdown."""
    form, period = _filter(request)
    if period is None:
        return redirect(f"{reverse('reports:report')}?{request.GET.urlencode()}")
    found = figures(period)
    response = HttpResponse(
        workbook_bytes(found),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{xlsx_filename(found)}"'
    return response
