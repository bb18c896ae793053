"""Template filters for Indonesian dates in the office's time zone."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django import template
from django.utils import timezone
from django.utils.formats import date_format

register = template.Library()

TZ_LABELS = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}


def format_in_zone(value: datetime | None, tz_name: str, fmt: str = "l, j F Y H.i") -> str:
    """Format an aware datetime in a zone, e.g. 'Jumat, 23 Agustus 2024 15.18 WIB'."""
    if value is None:
        return ""
    local = timezone.localtime(value, ZoneInfo(tz_name))
    return f"{date_format(local, fmt)} {TZ_LABELS.get(tz_name, tz_name)}"


@register.filter
def office_dt(value: datetime | None, office=None) -> str:
    """Show a datetime in the office's zone (WIB when no office is given)."""
    tz_name = getattr(office, "timezone", None) or "Asia/Jakarta"
    return format_in_zone(value, tz_name)


@register.filter
def office_short_dt(value: datetime | None, office=None) -> str:
    """Show a datetime compactly in the office's zone, e.g. '23 Agu 2024 15.18 WIB'."""
    tz_name = getattr(office, "timezone", None) or "Asia/Jakarta"
    return format_in_zone(value, tz_name, "j M Y H.i")
