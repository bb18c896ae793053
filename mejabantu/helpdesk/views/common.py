"""Shared pieces of the helpdesk pages: the staff's office, paging, errors."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest
from django.utils.functional import cached_property

from mejabantu.helpdesk import selectors
from mejabantu.offices.models import Office
from mejabantu.offices.selectors import office_get

PAGE_SIZE = 50


class CappedPaginator(Paginator):
    """Count at most selectors.COUNT_CAP rows: long lists show "1000+" instead of scanning everything."""

    @cached_property
    def count(self) -> int:
        return self.object_list[: selectors.COUNT_CAP + 1].count()


def _admin_office_code(request: HttpRequest) -> str:
    """The office an admin without an office of their own is looking at (``?office=``)."""
    return request.GET.get("office") or settings.MEJABANTU_DEFAULT_OFFICE


def _staff_office(request: HttpRequest) -> Office:
    user = request.user
    if not user.is_authenticated or not user.is_staff_member:
        raise Http404
    if user.office_id:
        return user.office
    return office_get(code=_admin_office_code(request))


def _errors(exc: ValidationError) -> list[str]:
    return list(exc.messages)
