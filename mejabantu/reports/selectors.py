"""Which offices a user may report on, and the period of a report (in the office's zone)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied
from django.db.models import Case, QuerySet, When
from django.http import Http404

from mejabantu.accounts import access
from mejabantu.accounts.models import User
from mejabantu.offices.models import Office

MAX_DAYS = 366  # a year (a leap one too) at a time; larger ranges wait for background exports


@dataclass(frozen=True)
class Period:
    """The days ``first`` to ``last`` (inclusive) in the time zone of the office reported on:
    from 00.00 on the first day to 00.00 after the last, local time."""

    office: Office
    first: date
    last: date

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.office.timezone)

    @property
    def start(self) -> datetime:
        return datetime.combine(self.first, time.min, tzinfo=self.zone)

    @property
    def end(self) -> datetime:
        return datetime.combine(self.last + timedelta(days=1), time.min, tzinfo=self.zone)

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def region_office_ids(office: Office) -> list[int]:
    """The office and every office below it: KPU RI all, a province itself and its
    kabupaten/kota, a kabupaten/kota itself."""
    ids = [office.pk]
    frontier = [office.pk]
    for _tier in range(4):  # RI -> province -> kabupaten/kota; a guard against cycles
        frontier = list(Office.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        if not frontier:
            break
        ids.extend(frontier)
    return ids


def may_report_on(user: access.Someone, office: Office) -> bool:
    """Staff of the office or of an office above it (``access.may_oversee``): its figures."""
    return access.may_oversee(user, office)


def report_office(user: access.Someone, code: str) -> Office:
    """The office with this code, if the user may see its figures; 404 for an unknown code,
    403 for an office the user does not oversee (offices are public, their figures not)."""
    office = Office.objects.select_related("parent").filter(code=code).first()
    if office is None:
        raise Http404
    if not may_report_on(user, office):
        raise PermissionDenied
    return office


def home_office(user: access.Someone) -> Office | None:
    """The office a user's reports open on: their own; KPU RI for an administrator without
    one; None for anyone who sees no figures."""
    if not isinstance(user, User) or not user.is_authenticated:
        return None
    if user.is_staff_member and user.office_id:
        return user.office
    if access.is_administrator(user):
        return Office.objects.filter(level=Office.Level.RI).first()
    return None


def offices_reported(user: access.Someone) -> QuerySet[Office]:
    """The offices the user may pick: their own and every one below it (all for KPU RI and
    administrators), KPU RI first, then by code (a province before its kabupaten/kota)."""
    ordered = Office.objects.order_by(Case(When(level=Office.Level.RI, then=0), default=1), "code")
    if access.is_administrator(user):
        return ordered
    mine = home_office(user)
    if mine is None:
        return ordered.none()
    return ordered.filter(pk__in=region_office_ids(mine))
