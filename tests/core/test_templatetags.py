import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from django import forms
from django.utils import translation
from django.utils.formats import date_format

from mejabantu.core.templatetags.mejabantu import (
    form_errors,
    form_field,
    office_dt,
    office_short_dt,
)


class Office:
    def __init__(self, timezone):
        self.timezone = timezone


@pytest.mark.parametrize(
    ("language", "tz", "long", "short"),
    [
        ("id", "Asia/Jakarta", "Jumat, 23 Agustus 2024 15.18 WIB", "23 Agu 2024 15.18 WIB"),
        ("id", "Asia/Jayapura", "Jumat, 23 Agustus 2024 17.18 WIT", "23 Agu 2024 17.18 WIT"),
        ("en", "Asia/Makassar", "Friday, 23 August 2024 16.18 WITA", "23 Aug 2024 16.18 WITA"),
    ],
)
def test_office_dates_are_shown_in_the_office_zone_and_language(language, tz, long, short):
    when = datetime(2024, 8, 23, 8, 18, tzinfo=UTC)
    with translation.override(language):
        assert office_dt(when, Office(tz)) == long
        assert office_short_dt(when, Office(tz)) == short


def test_office_dates_read_like_django_date_format_all_year():
    with translation.override("id"):
        for month in range(1, 13):
            for day in (1, 9, 28):
                when = datetime(2024, month, day, 23, 5, tzinfo=UTC)  # next day in WIB
                local = when.astimezone(ZoneInfo("Asia/Jakarta"))
                assert office_dt(when) == date_format(local, "l, j F Y H.i") + " WIB"
                assert office_short_dt(when) == date_format(local, "j M Y H.i") + " WIB"


class SampleForm(forms.Form):
    reference = forms.CharField(label="Merge into", max_length=30)
    status = forms.ChoiceField(label="Status", choices=[("a", "A & B"), ("b", "<b>")])
    choice = forms.ChoiceField(label="Which?", choices=[("", "—"), ("x", "X")])
    email = forms.EmailField(label="E-mail", required=False)


def _squeeze(html: str) -> str:
    """Django's templates put line breaks between the parts; the browser ignores them."""
    return re.sub(r">\s+<", "><", str(html)).strip()


@pytest.mark.parametrize(
    "form",
    [
        SampleForm(),
        SampleForm(initial={"reference": 'BLT-"1"', "status": "b", "choice": "x"}),
        SampleForm(data={"reference": "x" * 40, "status": "c", "email": "no"}),
        SampleForm(data={"reference": "<script>", "status": "a", "choice": ""}),
    ],
    ids=["unbound", "initial", "errors", "valid"],
)
def test_form_field_marks_up_a_field_as_django_does(form):
    for field in form:
        assert _squeeze(form_field(field)) == _squeeze(f"<div>{field.as_field_group()}</div>")


def test_form_field_leaves_other_widgets_to_django():
    class Other(forms.Form):
        note = forms.CharField(widget=forms.Textarea, help_text="Short.")
        tags = forms.MultipleChoiceField(choices=[("a", "A")])

    form = Other(data={})
    for field in form:
        assert _squeeze(form_field(field)) == _squeeze(f"<div>{field.as_field_group()}</div>")


def test_form_errors_shows_errors_of_no_field_as_an_alert_and_nothing_else():
    form = SampleForm(data={"reference": "BLT", "status": "a", "choice": "x"})
    assert form.is_valid()
    assert form_errors(form) == ""
    form.add_error(None, "Tiket itu <sudah> digabung.")
    form.add_error("reference", "Bukan tiket kantor ini.")
    assert form_errors(form) == (
        '<div role="alert" class="messages">'
        '<p class="message error">Tiket itu &lt;sudah&gt; digabung.</p></div>'
    )
    assert form_errors(None) == ""
