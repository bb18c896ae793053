"""Exports of a report: the tickets received in the range as CSV, the figures as XLSX.

CSV is written as UTF-8 with a byte-order mark, so spreadsheet programs open it in the right
encoding; a text cell that begins with = + - @ (or a tab or carriage return) gets a leading
apostrophe, so a spreadsheet shows it as text instead of running it as a formula (CSV
injection, OWASP).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import datetime

from mejabantu.helpdesk.models import Ticket
from mejabantu.reports.figures import in_period, region_tickets, waits
from mejabantu.reports.selectors import Period, region_office_ids

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BATCH = 1000

COLUMNS = [
    "reference",
    "office",
    "handled_by",
    "received_at",
    "channel",
    "category",
    "priority",
    "status",
    "organisation",
    "assignee",
    "subject",
    "first_response_at",
    "first_response_minutes",
    "first_response_due",
    "resolved_at",
    "resolution_minutes",
    "resolution_due",
    "rating",
]


def inert(value: object) -> object:
    """A text cell that a spreadsheet would read as a formula, made plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _when(value: datetime | None, period: Period) -> str:
    return value.astimezone(period.zone).isoformat() if value is not None else ""


def _minutes(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def ticket_rows(period: Period) -> Iterator[list[object]]:
    """One row per ticket received in the range, oldest first, read a batch at a time."""
    tickets = (
        region_tickets(region_office_ids(period.office))
        .filter(in_period("received_at", period))
        .select_related("office", "handling_office", "category", "organisation", "assignee")
        .order_by("received_at", "pk")
    )
    last: tuple[datetime, int] | None = None
    while True:
        batch_qs = tickets
        if last is not None:
            batch_qs = tickets.filter(received_at__gte=last[0]).exclude(
                received_at=last[0], pk__lte=last[1]
            )
        batch: list[Ticket] = list(batch_qs[:BATCH])
        if not batch:
            return
        answered = waits(
            [
                (t.pk, t.office_id, t.received_at, t.first_response_at)
                for t in batch
                if t.first_response_at
            ]
        )
        resolved = waits(
            [(t.pk, t.office_id, t.received_at, t.resolved_at) for t in batch if t.resolved_at]
        )
        for t in batch:
            yield [
                t.reference,
                t.office.code,
                t.handling_office.code,
                _when(t.received_at, period),
                t.channel,
                t.category.code,
                t.priority,
                t.status,
                t.organisation.code if t.organisation_id else "",
                t.assignee.username if t.assignee_id else "",
                t.subject,
                _when(t.first_response_at, period),
                _minutes(answered.get(t.pk)),
                _when(t.first_response_due, period),
                _when(t.resolved_at, period),
                _minutes(resolved.get(t.pk)),
                _when(t.resolution_due, period),
                "" if t.rating is None else t.rating,
            ]
        last = (batch[-1].received_at, batch[-1].pk)


def csv_lines(period: Period) -> Iterator[str]:
    """The CSV export as text pieces: the byte-order mark and header, then the rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(COLUMNS)
    yield BOM + flush()
    for n, row in enumerate(ticket_rows(period), start=1):
        writer.writerow([inert(cell) for cell in row])
        if n % 200 == 0:
            yield flush()
    yield flush()


def csv_filename(period: Period) -> str:
    return f"laporan-{period.office.code}-{period.first:%Y%m%d}-{period.last:%Y%m%d}.csv"
