"""Public office pages."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from mejabantu.offices.selectors import office_get


def office_detail(request: HttpRequest, code: str) -> HttpResponse:
    """The office's helpdesk home: how to ask, contact, and whether the desk is open."""
    office = office_get(code=code)
    return render(request, "offices/detail.html", {"office": office})
