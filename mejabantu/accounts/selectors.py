"""Reads for accounts: an office's people and their audit trail, scoped to who asks."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from mejabantu.accounts import access
from mejabantu.accounts.models import AccountChange, User
from mejabantu.offices.models import Office


def office_for_people(*, user: access.Someone, code: str) -> Office:
    """Return the office whose people ``user`` manages, by code.

    404 for an unknown office and for anyone who is not staff of it (another office's
    coordinator finds nothing); 403 for the office's own officers.
    """
    office = Office.objects.filter(code=code).first()
    if office is None:
        raise Http404
    if access.may_manage_people(user, office):
        return office
    if access.is_office_staff(user, office):
        raise PermissionDenied
    raise Http404


def offices_for_people(*, user: access.Someone) -> QuerySet[Office]:
    """Return the offices whose people ``user`` manages (all for an administrator)."""
    offices = Office.objects.order_by("level", "code")
    if access.is_administrator(user):
        return offices
    if isinstance(user, User) and access.may_manage_people(user, user.office_id):
        return offices.filter(pk=user.office_id)
    return offices.none()


def office_people(*, user: access.Someone, office: Office) -> QuerySet[User]:
    """Return the office's officers and coordinators that ``user`` manages, coordinators
    first, then by name."""
    return (
        User.objects.filter(access.people_visible(user), office=office)
        .select_related("office")
        .order_by("-is_active", "role", "first_name", "username")
    )


def person_get(*, user: access.Someone, office: Office, pk: int) -> User:
    """Return one person of the office that ``user`` manages, or raise 404."""
    found = office_people(user=user, office=office).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def office_account_changes(*, office: Office, limit: int = 50) -> list[AccountChange]:
    """Return the latest changes to the office's accounts, newest first."""
    return list(
        AccountChange.objects.filter(office=office).select_related("actor", "person")[:limit]
    )


def coordinators_active(*, office_id: int) -> QuerySet[User]:
    """Return the office's active coordinators (the office must keep one)."""
    return User.objects.filter(
        office_id=office_id, role=User.Role.COORDINATOR, is_active=True, is_superuser=False
    )
