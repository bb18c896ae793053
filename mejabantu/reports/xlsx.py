"""The figures as an XLSX workbook: a summary sheet, then a sheet per breakdown (openpyxl)."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _

from mejabantu.reports.charts import series_labels
from mejabantu.reports.exports import inert
from mejabantu.reports.figures import Figures
from mejabantu.reports.labels import breakdown_titles, summary_lines


def workbook_bytes(found: Figures) -> bytes:
    """The workbook of the figures; text cells are made inert as in the CSV export."""
    from openpyxl import Workbook  # only the XLSX download needs it

    book = Workbook()
    sheet = book.active
    sheet.title = _("Summary")
    period = found.period
    sheet.append([_("Office"), inert(period.office.name), period.office.code])
    sheet.append([_("From"), period.first.isoformat()])
    sheet.append([_("To"), period.last.isoformat()])
    sheet.append([_("Time zone"), period.office.timezone_label])
    sheet.append([])
    sheet.append([_("Figure"), _("Value")])
    for label, value in summary_lines(found):
        sheet.append([label, value])
    sheet.column_dimensions["A"].width = 48
    counts = series_labels()
    header = [_("Code"), _("Name"), counts["received"], counts["answered"], counts["resolved"]]
    for name, title in breakdown_titles().items():
        rows = found.breakdowns.get(name)
        if rows is None:
            continue
        part = book.create_sheet(title=title[:31])
        part.append(header)
        for row in rows:
            part.append(
                [inert(row.code), inert(row.label), row.received, row.answered, row.resolved]
            )
        part.column_dimensions["B"].width = 48
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xlsx_filename(found: Figures) -> str:
    period = found.period
    return f"laporan-{period.office.code}-{period.first:%Y%m%d}-{period.last:%Y%m%d}.xlsx"
