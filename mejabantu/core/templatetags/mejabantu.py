"""Template filters for Indonesian dates in the office's time zone, and fast form fields."""

import html
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django import template
from django.forms import BoundField, Form
from django.forms.widgets import EmailInput, NumberInput, Select, TextInput
from django.utils import timezone
from django.utils.dates import MONTHS, MONTHS_3, WEEKDAYS
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()

TZ_LABELS = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}


def _long(local: datetime) -> str:
    # date_format(local, "l, j F Y H.i") without parsing the format on every call
    return f"{WEEKDAYS[local.weekday()]}, {local.day} {MONTHS[local.month]} {local:%Y %H.%M}"


def _short(local: datetime) -> str:
    # date_format(local, "j M Y H.i")
    return f"{local.day} {MONTHS_3[local.month].title()} {local:%Y %H.%M}"


def format_in_zone(value: datetime | None, tz_name: str, *, short: bool = False) -> str:
    """Format an aware datetime in a zone, e.g. 'Jumat, 23 Agustus 2024 15.18 WIB', or
    '23 Agu 2024 15.18 WIB' if short."""
    if value is None:
        return ""
    local = timezone.localtime(value, ZoneInfo(tz_name))
    text = _short(local) if short else _long(local)
    return f"{text} {TZ_LABELS.get(tz_name, tz_name)}"


@register.filter
def office_dt(value: datetime | None, office: object = None) -> str:
    """Show a datetime in the office's zone (WIB when no office is given)."""
    tz_name = getattr(office, "timezone", None) or "Asia/Jakarta"
    return format_in_zone(value, tz_name)


@register.filter
def office_short_dt(value: datetime | None, office: object = None) -> str:
    """Show a datetime compactly in the office's zone, e.g. '23 Agu 2024 15.18 WIB'."""
    tz_name = getattr(office, "timezone", None) or "Asia/Jakarta"
    return format_in_zone(value, tz_name, short=True)


def _escape(value: object) -> str:
    """``conditional_escape`` without Django's lazy-argument wrapper (a hot loop of options)."""
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))


def _attrs(attrs: dict[str, Any]) -> str:
    """Attributes as django/forms/widgets/attrs.html writes them."""
    return "".join(
        f" {name}" if value is True else f' {name}="{_escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _select(bound_field: BoundField, name: str, attrs: dict[str, Any]) -> str:
    value = bound_field.value()
    value = "" if value is None else str(value)
    options = "".join(
        f'<option value="{_escape(choice)}"{" selected" if str(choice) == value else ""}>'
        f"{_escape(label)}</option>"
        for choice, label in bound_field.field.choices  # type: ignore[attr-defined]
    )
    return f'<select name="{_escape(name)}"{_attrs(attrs)}>{options}</select>'


def _input(bound_field: BoundField, name: str, attrs: dict[str, Any]) -> str:
    widget = bound_field.field.widget.get_context(name, bound_field.value(), attrs)["widget"]
    value = "" if widget["value"] is None else f' value="{_escape(widget["value"])}"'
    rendered = _attrs(widget["attrs"])
    return f'<input type="{_escape(widget["type"])}" name="{_escape(name)}"{value}{rendered}>'


@register.simple_tag
def form_errors(form: Form | None) -> str:
    """A form's errors that belong to no field, as an alert; nothing when there are none (or
    no form)."""
    errors = form.non_field_errors() if form else None
    if not errors:
        return ""
    return format_html(
        '<div role="alert" class="messages">{}</div>',
        format_html_join("", '<p class="message error">{}</p>', ((e,) for e in errors)),
    )


@register.simple_tag
def form_field(bound_field: BoundField) -> str:
    """A field as label, errors and control, like ``<div>{{ field.as_field_group }}</div>``.

    Selects (without option groups) and one-line inputs are rendered in Python: on the ticket page's hot path Django's
    widget templates cost about 0.1 ms per field, this a few microseconds. Same markup as
    Django's (ids, required, aria-invalid and aria-describedby), so labels, tests and
    assistive technology see no difference. Other widgets, and fields with help text, go
    through Django's templates.
    """
    field = bound_field.field
    widget = field.widget
    if isinstance(widget, Select) and not (
        widget.allow_multiple_selected
        or any(isinstance(label, (list, tuple)) for _choice, label in field.choices)  # type: ignore[attr-defined]
    ):
        render = _select
    elif isinstance(widget, (TextInput, NumberInput, EmailInput)):
        render = _input
    else:
        render = None
    if render is None or field.help_text or field.localize:
        return format_html("<div>{}</div>", bound_field.as_field_group())
    attrs = widget.build_attrs(widget.attrs, bound_field.build_widget_attrs({}))
    if bound_field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", bound_field.auto_id)
    errors = bound_field.errors
    error_html = (
        f'<ul class="errorlist" id="{_escape(bound_field.auto_id)}_error">'
        + "".join(f"<li>{_escape(e)}</li>" for e in errors)
        + "</ul>"
        if errors
        else ""
    )
    label = bound_field.label
    suffix = field.label_suffix if field.label_suffix is not None else bound_field.form.label_suffix
    # as BoundField.label_tag: no colon after a label that ends in punctuation
    label = _escape(label) + (_escape(suffix) if suffix and label[-1:] not in ":?.!" else "")
    return mark_safe(  # noqa: S308 - every value above is escaped
        f'<div><label for="{_escape(bound_field.id_for_label)}">{label}</label>'
        f"{error_html}{render(bound_field, bound_field.html_name, attrs)}</div>"
    )
