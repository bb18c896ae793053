"""Helpers shared by the knowledge pages."""

from __future__ import annotations

from django.http import Http404, HttpRequest

from mejabantu.offices.models import Office


def office_from(request: HttpRequest, param: str = "kantor") -> Office | None:
    code = request.GET.get(param) or request.GET.get("office") or ""
    if code:
        return Office.objects.filter(code=code).first()
    user = request.user
    if user.is_authenticated and getattr(user, "office_id", None):
        return user.office
    if user.is_authenticated and getattr(user, "organisation_id", None):
        return user.organisation.office
    return None


def staff_required(request: HttpRequest) -> None:
    if not (request.user.is_authenticated and request.user.is_staff_member):
        raise Http404
