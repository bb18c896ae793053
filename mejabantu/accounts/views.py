"""Sign in, sign out, and passwords (Django's views with our templates)."""

from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class PasswordChangeView(auth_views.PasswordChangeView):
    """Change the password; every other session and every API token ends with it."""

    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:password_change_done")
