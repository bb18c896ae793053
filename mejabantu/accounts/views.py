"""Sign in, sign out, and passwords (Django's views with our templates)."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class PasswordChangeView(auth_views.PasswordChangeView):
    """Change the password; every other session and every API token ends with it."""

    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:password_change_done")


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: object = None
) -> HttpResponse:
    """What django-axes answers while an account is locked: JSON on the API, a page on the web."""
    wait = int(float(settings.AXES_COOLOFF_TIME) * 3600)
    if request.path.startswith("/api/"):
        detail = _(
            "Too many failed sign-in attempts for this account from your address. Wait "
            "%(minutes)s minutes and try again, or reset the password on the website."
        ) % {"minutes": wait // 60}
        response: HttpResponse = JsonResponse({"detail": detail}, status=429)
    else:
        response = render(request, "accounts/locked_out.html", status=429)
    response["Retry-After"] = str(wait)
    return response
