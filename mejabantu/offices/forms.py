"""Forms of the coordinator's working-time pages; messages tell the user what to do next."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mejabantu.offices import business_time as bt
from mejabantu.offices.models import Closure, SlaPolicy, Weekday

WEEKDAY_FIELDS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

CATEGORY_CHOICES = [
    ("", _("any category")),
    ("persyaratan-calon", _("Candidate requirements")),
    ("syarat-pencalonan", _("Nomination requirements")),
    ("perseorangan", _("Independent candidates")),
    ("dokumen", _("Documents")),
    ("silon", _("Silon")),
    ("jadwal", _("Schedule")),
    ("lainnya", _("Other")),
]
CATEGORY_LABELS = dict(CATEGORY_CHOICES)


class SpansField(forms.CharField):
    """Opening hours of one day as text: '07.30–12.00, 13.00–16.00' (blank = closed)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 120)
        kwargs.setdefault("required", False)
        # no placeholder: a greyed example in an empty (closed) day reads like real hours
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "text"}))
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        try:
            return bt.spans_text(bt.parse_spans_text(value or ""))
        except ValueError:
            raise forms.ValidationError(
                _(
                    "Write the hours like 07.30–12.00, 13.00–16.00: each span starts before "
                    "it ends, times run from 00.00 to 24.00, and spans do not overlap."
                ),
                code="spans",
            ) from None


def _date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _time_input():
    return forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class WeekForm(forms.Form):
    monday = SpansField(label=Weekday.MONDAY.label)
    tuesday = SpansField(label=Weekday.TUESDAY.label)
    wednesday = SpansField(label=Weekday.WEDNESDAY.label)
    thursday = SpansField(label=Weekday.THURSDAY.label)
    friday = SpansField(label=Weekday.FRIDAY.label)
    saturday = SpansField(label=Weekday.SATURDAY.label)
    sunday = SpansField(label=Weekday.SUNDAY.label)

    def hours(self) -> dict[int, str]:
        return {i: self.cleaned_data[name] for i, name in enumerate(WEEKDAY_FIELDS)}


class WeeklyHoursForm(WeekForm):
    confirmed = forms.BooleanField(
        label=_("These hours are confirmed by the office"),
        required=False,
        help_text=_("Leave unticked while the hours are only derived from the regulation."),
    )


class DatedHoursForm(WeekForm):
    name = forms.CharField(
        label=_("Name"), max_length=120, help_text=_("For example Ramadan 1446 H.")
    )
    first_day = forms.DateField(label=_("First day"), widget=_date_input())
    last_day = forms.DateField(label=_("Last day"), widget=_date_input())

    field_order = ["name", "first_day", "last_day", *WEEKDAY_FIELDS]

    def clean(self):
        data = super().clean()
        first, last = data.get("first_day"), data.get("last_day")
        if first and last and last < first:
            self.add_error("last_day", _("The last day must be on or after the first day."))
        return data


class ClosureForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=_date_input())
    name = forms.CharField(
        label=_("Name"), max_length=120, help_text=_("For example Cuti bersama Idul Fitri.")
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=Closure.Kind.choices)
    start = forms.TimeField(
        label=_("Closed from"),
        required=False,
        widget=_time_input(),
        help_text=_("Leave both times empty to close the whole day."),
    )
    end = forms.TimeField(label=_("Closed until"), required=False, widget=_time_input())

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if (start is None) != (end is None):
            self.add_error("end", _("Give both times for a partial closure, or neither."))
        elif start is not None and end <= start:
            self.add_error("end", _("The closure must end after it starts."))
        return data


class SpecialDayForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=_date_input())
    name = forms.CharField(
        label=_("Name"), max_length=120, help_text=_("For example Pendaftaran pasangan calon.")
    )
    hours = SpansField(
        label=_("Hours"),
        required=True,
        help_text=_("These hours replace the week on that date, e.g. 08.00–23.59."),
        widget=forms.TextInput(attrs={"placeholder": "08.00–16.00"}),
    )
    confirmed = forms.BooleanField(label=_("Confirmed"), required=False, initial=True)

    def clean_hours(self):
        hours = self.cleaned_data["hours"]
        if not hours:
            raise forms.ValidationError(
                _("Give the opening hours of the day; to close the desk, add a closure instead.")
            )
        return hours


class SlaPolicyForm(forms.Form):
    category_code = forms.ChoiceField(label=_("Category"), choices=CATEGORY_CHOICES, required=False)
    priority = forms.ChoiceField(
        label=_("Priority"),
        choices=[("", _("any priority")), *SlaPolicy.Priority.choices],
        required=False,
    )
    first_response_minutes = forms.IntegerField(
        label=_("First response within (working minutes)"),
        min_value=1,
        max_value=100_000,
        help_text=_("A working day of government hours is 450 minutes."),
    )
    resolution_minutes = forms.IntegerField(
        label=_("Resolution within (working minutes)"), min_value=1, max_value=1_000_000
    )
    warning_percent = forms.IntegerField(
        label=_("Warn at (percent of the target)"), min_value=1, max_value=99, initial=75
    )

    def clean(self):
        data = super().clean()
        first, resolution = data.get("first_response_minutes"), data.get("resolution_minutes")
        if first and resolution and resolution < first:
            self.add_error(
                "resolution_minutes",
                _("The resolution target cannot be shorter than the first-response target."),
            )
        return data
