"""Sign in, sign out, passwords (Django's views with our templates), and people."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mejabantu.accounts import services
from mejabantu.accounts.forms import STAFF_ROLE_CHOICES, InviteForm, SignInForm
from mejabantu.accounts.selectors import (
    office_account_changes,
    office_for_people,
    office_people,
    offices_for_people,
    person_get,
)


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = SignInForm
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


# -- people: invitations and an office's staff accounts ------------------------------------


class InviteAcceptView(auth_views.PasswordResetConfirmView):
    """The invitation link: Django's password-reset confirmation (its token, its expiry after
    PASSWORD_RESET_TIMEOUT, its password validators), then signed in."""

    template_name = "accounts/invite_accept.html"
    post_reset_login = True
    post_reset_login_backend = "mejabantu.accounts.backends.DemoAwareModelBackend"
    success_url = reverse_lazy("home")

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        # a deactivated account is not let in by an old link
        return user if user is not None and user.is_active else None

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(
            self.request,
            _("Your password is set and you are signed in. Your username is %(username)s.")
            % {"username": form.user.get_username()},
        )
        return response


@login_required
def invite(request: HttpRequest) -> HttpResponse:
    """Invite an officer or coordinator: an administrator into any office (an office's first
    coordinator), a coordinator into its own office."""
    offices = offices_for_people(user=request.user)
    if not offices.exists():
        raise Http404
    form = InviteForm(
        request.POST or None,
        offices=offices,
        initial={k: request.GET[k] for k in ("office", "role") if request.GET.get(k)},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            person = services.user_invite(
                actor=request.user,
                office=data["office"],
                name=data["name"],
                email=data["email"],
                role=data["role"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("%(name)s is invited: a link to set a password was sent to %(email)s.")
                % {"name": person, "email": person.email},
            )
            return redirect("accounts:people", code=person.office.code)
    status = 400 if form.is_bound else 200
    return render(request, "accounts/invite.html", {"form": form}, status=status)


@login_required
def people(request: HttpRequest, code: str) -> HttpResponse:
    """An office's officers and coordinators, with what may be changed, and the audit."""
    office = office_for_people(user=request.user, code=code)
    return render(
        request,
        "accounts/people.html",
        {
            "office": office,
            "people": office_people(user=request.user, office=office),
            "changes": office_account_changes(office=office),
            "roles": STAFF_ROLE_CHOICES,
        },
    )


@login_required
@require_POST
def person_change(request: HttpRequest, code: str, pk: int, what: str) -> HttpResponse:
    """One change to one person: role, on duty, deactivate, reactivate, invite again."""
    office = office_for_people(user=request.user, code=code)
    person = person_get(user=request.user, office=office, pk=pk)
    actor = request.user
    try:
        if what == "role":
            services.user_set_role(actor=actor, person=person, role=request.POST.get("role", ""))
            done = _("The role of %(name)s was changed.")
        elif what == "on-duty":
            on = request.POST.get("on_duty") == "1"
            services.user_set_on_duty(actor=actor, person=person, on_duty=on)
            done = _("%(name)s is on duty now.") if on else _("%(name)s is off duty now.")
        elif what == "deactivate":
            services.user_deactivate(actor=actor, person=person)
            done = _("%(name)s can no longer sign in; the account and its history are kept.")
        elif what == "reactivate":
            services.user_reactivate(actor=actor, person=person)
            done = _("%(name)s can sign in again.")
        elif what == "resend":
            services.user_invite_resend(actor=actor, person=person)
            done = _("A new link to set a password was sent to %(name)s.")
        else:
            raise Http404
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, done % {"name": person})
    return redirect("accounts:people", code=office.code)


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    """The signed-in user's API tokens, to see what still works and revoke it."""
    return render(
        request,
        "accounts/tokens.html",
        {"tokens": services.api_tokens_of(request.user), "days": settings.API_TOKEN_DAYS},
    )


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    services.api_token_revoke(user=request.user, token_id=pk)
    messages.success(request, _("The token was revoked: programs using it are signed out."))
    return redirect("accounts:tokens")
