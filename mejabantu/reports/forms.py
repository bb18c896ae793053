"""The report page's filter: which office (of those the user may see) and which days."""

from __future__ import annotations

from datetime import date, timedelta

from django import forms
from django.utils.translation import gettext_lazy as _

from mejabantu.reports.selectors import MAX_DAYS


def month_of(day: date) -> tuple[date, date]:
    """The first and last day of the month of ``day``."""
    first = day.replace(day=1)
    return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)


class ReportFilter(forms.Form):
    office = forms.ChoiceField(label=_("Office"))
    date_from = forms.DateField(
        label=_("From"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    date_to = forms.DateField(
        label=_("To"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, offices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].choices = [(o.code, f"{o.name} ({o.code})") for o in offices]

    def clean(self):
        data = super().clean()
        first, last = data.get("date_from"), data.get("date_to")
        if first and last:
            if last < first:
                self.add_error("date_to", _("The end date must be on or after the start date."))
            elif (last - first).days + 1 > MAX_DAYS:
                self.add_error(
                    "date_to",
                    _("Choose at most %(days)s days; for more, export a year at a time.")
                    % {"days": MAX_DAYS},
                )
        for name in ("date_from", "date_to"):
            day = data.get(name)
            if day and not 2000 <= day.year <= 2100:
                self.add_error(name, _("Choose a date between the years 2000 and 2100."))
        return data
