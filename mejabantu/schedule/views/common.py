from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest

from mejabantu.offices import clock
from mejabantu.offices.models import Office
from mejabantu.offices.selectors import office_get
from mejabantu.schedule.selectors import office_tz


def today_in(office: Office | None) -> date:
    now = clock.now()
    return now.astimezone(office_tz(office)).date() if office else now.date()


def now_in(office: Office) -> datetime:
    return clock.now().astimezone(office_tz(office))


def user_office(request: HttpRequest) -> Office:
    """The office whose schedule the signed-in user works with (404 for anyone else)."""
    user = request.user
    if not user.is_authenticated:
        raise Http404
    if user.is_staff_member and user.office_id:
        return user.office
    if user.is_operator:
        return user.organisation.office
    if user.is_superuser:
        return office_get(code=request.GET.get("office") or "19.02")
    raise Http404


def errors_of(exc: ValidationError) -> list[str]:
    return list(exc.messages)


def parse_day(raw: str | None, default: date) -> date:
    try:
        return date.fromisoformat(raw) if raw else default
    except ValueError:
        return default
