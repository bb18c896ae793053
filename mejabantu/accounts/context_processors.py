"""Template context shared by every page."""

from django.conf import settings
from django.urls import reverse

from mejabantu.accounts import access


def roles(request):
    user = getattr(request, "user", None)
    authenticated = bool(user and user.is_authenticated)
    return {
        "is_staff_member": authenticated and user.is_staff_member,
        "is_operator": authenticated and user.is_operator,
        "is_coordinator": authenticated and user.is_coordinator,
        "demo_mode": settings.DEMO_MODE,
        "people_url": _people_url(user) if authenticated else None,
    }


def _people_url(user) -> str | None:
    """Where the user manages people: an administrator invites anywhere, a coordinator
    manages its own office."""
    if access.is_administrator(user):
        return reverse("accounts:invite")
    if user.office_id and access.may_manage_people(user, user.office_id):
        return reverse("accounts:people", kwargs={"code": user.office.code})
    return None
