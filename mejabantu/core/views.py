"""Project-wide pages: the home page and a health check."""

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render

from mejabantu.offices.models import Office


def home(request: HttpRequest) -> HttpResponse:
    """Send each user where their work is; the public sees the offices."""
    user = request.user
    if user.is_authenticated:
        if user.is_staff_member and (user.office_id or user.is_superuser):
            return redirect("helpdesk:queue")
        if user.is_operator:
            return redirect("helpdesk:my_tickets")
    default = getattr(settings, "MEJABANTU_DEFAULT_OFFICE", "19.02")
    office = Office.objects.filter(code=default).first()
    offices = Office.objects.select_related("parent").order_by("level", "code")[:50]
    return render(request, "core/home.html", {"office": office, "offices": offices})


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
