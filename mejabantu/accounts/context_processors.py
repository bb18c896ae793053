"""Template context shared by every page."""

from django.conf import settings


def roles(request):
    user = getattr(request, "user", None)
    authenticated = bool(user and user.is_authenticated)
    return {
        "is_staff_member": authenticated and user.is_staff_member,
        "is_operator": authenticated and user.is_operator,
        "is_coordinator": authenticated and user.is_coordinator,
        "demo_mode": settings.DEMO_MODE,
    }
