"""Who may see or do what: the one place the access rules live.

Every selector, service, API endpoint and cached page asks here. The rules are about roles
and the office or organisation an object belongs to, so they serve every kind of object
(tickets, messages, attachments, registrations, appointments, answers):

- an administrator (a superuser, or the system administrator role) sees and does everything;
- office staff (officers, coordinators) see their own office's objects, internal ones too;
  coordinators also change how their office is set up;
- a party operator sees its organisation's objects, never internal ones;
- anyone else sees only what is public (their private link to a question, the knowledge base).

Objects of another office or organisation are "not found" (404), never "forbidden": an
address that is guessed reveals nothing.
"""

from __future__ import annotations

from django.db.models import Q

from mejabantu.accounts.models import User


def _id(obj) -> int | None:
    return obj if obj is None or isinstance(obj, int) else obj.pk


def is_administrator(user) -> bool:
    """A superuser or a system administrator: every office's objects."""
    if user is None or not user.is_authenticated:
        return False
    return bool(user.is_superuser or user.role == User.Role.ADMIN)


def is_office_staff(user, office) -> bool:
    """Staff of this office (an office or its id), or an administrator."""
    if user is None or not user.is_authenticated:
        return False
    return is_administrator(user) or bool(
        user.is_staff_member and user.office_id is not None and user.office_id == _id(office)
    )


def is_office_coordinator(user, office) -> bool:
    """A coordinator of this office, or an administrator: may change how it is set up."""
    if user is None or not user.is_authenticated:
        return False
    return is_administrator(user) or bool(
        user.is_coordinator and user.office_id is not None and user.office_id == _id(office)
    )


def is_operator_of(user, organisation) -> bool:
    """An operator of this organisation (an organisation or its id)."""
    if user is None or not user.is_authenticated or not user.is_operator:
        return False
    return user.organisation_id == _id(organisation)


def visible(user, *, office: str = "office", organisation: str | None = "organisation") -> Q | None:
    """The filter of the objects the user may see, by the names of their office and
    organisation fields (``organisation=None``: objects parties never see); None: all."""
    if user is None or not user.is_authenticated:
        return Q(pk__in=[])
    if is_administrator(user):
        return None
    if user.is_staff_member and user.office_id:
        return Q(**{f"{office}_id": user.office_id})
    if organisation is not None and user.is_operator:
        return Q(**{f"{organisation}_id": user.organisation_id})
    return Q(pk__in=[])


def scoped(queryset, user, **fields):
    """``queryset`` narrowed to what the user may see (see ``visible``)."""
    found = visible(user, **fields)
    return queryset if found is None else queryset.filter(found)


def current_officer(office, user_pk: int | None) -> User | None:
    """The active officer or coordinator of this office with this id, read now from the
    database (None if there is none): whom work may be assigned to. Never trust an object
    read earlier: a user moved to another office since must not be offered the work."""
    if user_pk is None:
        return None
    return (
        User.objects.filter(
            pk=user_pk,
            office_id=_id(office),
            is_active=True,
            role__in=[User.Role.OFFICER, User.Role.COORDINATOR],
        )
        .select_related("office")
        .first()
    )
