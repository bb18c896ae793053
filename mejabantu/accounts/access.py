"""Who may see or do what: the one place the access rules live.

Every selector, service, API endpoint and cached page asks here. The rules are about roles
and the office or organisation an object belongs to, so they serve every kind of object
(tickets, messages, attachments, registrations, appointments, answers):

- an administrator (a superuser, or the system administrator role) sees and does everything;
- office staff (officers, coordinators) see their own office's objects, internal ones too;
  coordinators also change how their office is set up; staff of an office above (a province,
  KPU RI) oversee the desks below it (``may_oversee``);
- a party operator sees its organisation's objects, never internal ones;
- anyone else sees only what is public (their private link to a question, the knowledge base).

Tickets travel the network of offices (escalated up a tier, forwarded to the competent office),
so they have rules of their own (``visible_tickets`` and the ``*_ticket`` questions below):

- staff of the office handling a ticket now handle it fully (reply, assign, status, hand on);
- staff of the office where it was asked keep seeing it and may add internal notes only;
- staff of an office above see, read-only, the tickets of the offices below it (a province its
  kabupaten/kota, KPU RI every office); what is handed to them they handle;
- a party operator still sees only its organisation's tickets, never internal notes.

Objects of another office or organisation are "not found" (404), never "forbidden": an
address that is guessed reveals nothing.
"""

from __future__ import annotations

from typing import Any, Protocol, TypeVar

from django.contrib.auth.models import AnonymousUser
from django.db.models import Model, Q, QuerySet

from mejabantu.accounts.models import User
from mejabantu.offices.models import Office

Someone = User | AnonymousUser | None  # who asks: signed in, a visitor, or the system
Ref = Model | int | None  # an office or organisation, or its id
M = TypeVar("M", bound=Model)


def _id(obj: Ref) -> int | None:
    return obj if obj is None or isinstance(obj, int) else int(obj.pk)


def is_administrator(user: Someone) -> bool:
    """A superuser or a system administrator: every office's objects."""
    if not isinstance(user, User):
        return False
    return bool(user.is_superuser or user.role == User.Role.ADMIN)


def is_office_staff(user: Someone, office: Ref) -> bool:
    """Staff of this office (an office or its id), or an administrator."""
    if not isinstance(user, User):
        return False
    return is_administrator(user) or bool(
        user.is_staff_member and user.office_id is not None and user.office_id == _id(office)
    )


def is_office_coordinator(user: Someone, office: Ref) -> bool:
    """A coordinator of this office, or an administrator: may change how it is set up."""
    if not isinstance(user, User):
        return False
    return is_administrator(user) or bool(
        user.is_coordinator and user.office_id is not None and user.office_id == _id(office)
    )


def may_oversee(user: Someone, office: Office) -> bool:
    """Staff of this office or of an office above it (a province over its kabupaten/kota,
    KPU RI over every office), or an administrator: may see how its desk stands (read-only
    figures, e.g. the province's page of its kabupaten/kota desks)."""
    return is_office_staff(user, office) or oversees(user, office)


def is_operator_at(user: Someone, office: Ref) -> bool:
    """A party operator whose organisation is registered with this office."""
    if not isinstance(user, User) or not user.is_operator:
        return False
    return bool(user.organisation.office_id == _id(office))


def speaks_for(user: Someone, organisation: Ref) -> bool:
    """A party operator of this organisation (an organisation or its id)."""
    return bool(
        isinstance(user, User)
        and user.is_operator
        and organisation is not None
        and user.organisation_id == _id(organisation)
    )


def visible(
    user: Someone, *, office: str = "office", organisation: str | None = "organisation"
) -> Q | None:
    """The filter of the objects the user may see, by the names of their office and
    organisation fields (``organisation=None``: objects parties never see); None: all."""
    if not isinstance(user, User):
        return Q(pk__in=[])
    if is_administrator(user):
        return None
    if user.is_staff_member and user.office_id:
        return Q(**{f"{office}_id": user.office_id})
    if organisation is not None and user.is_operator:
        return Q(**{f"{organisation}_id": user.organisation_id})
    return Q(pk__in=[])


def scoped(queryset: QuerySet[M], user: Someone, **fields: Any) -> QuerySet[M]:
    """``queryset`` narrowed to what the user may see (see ``visible``)."""
    found = visible(user, **fields)
    return queryset if found is None else queryset.filter(found)


def current_officer(office: Ref, user_pk: int | None) -> User | None:
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


# -- rule sets: owned by the tier that issues them -----------------------------------------
# Candidacy rules are national law (UU, PKPU, juknis): only KPU RI publishes a rule set. A lower
# office's coordinator may draft one to propose it; a draft is seen only by staff of the office
# that drafted it, by KPU RI's coordinators (who decide on it) and by administrators.


def is_national_coordinator(user: Someone) -> bool:
    """A coordinator of KPU RI, or an administrator: publishes national rule sets."""
    if not isinstance(user, User):
        return False
    if is_administrator(user):
        return True
    office = user.office if user.office_id else None
    return bool(user.role == User.Role.COORDINATOR and office is not None and office.level == "ri")


def may_draft_rule_set(user: Someone) -> bool:
    """Any office's coordinator (or an administrator) may draft a rule set to propose it."""
    if not isinstance(user, User):
        return False
    return is_administrator(user) or bool(
        user.role == User.Role.COORDINATOR and user.office_id is not None
    )


def may_publish_rule_set(user: Someone) -> bool:
    """Only KPU RI's coordinators and administrators publish a (national) rule set."""
    return is_national_coordinator(user)


def may_see_rule_set(user: Someone, *, published: bool, office: Ref) -> bool:
    """A published rule set is public; a draft is seen by staff of the office that drafted it
    (``office``; None: drafted nationally), KPU RI's coordinators and administrators."""
    if published:
        return True
    if is_national_coordinator(user):
        return True
    return office is not None and is_office_staff(user, office)


def may_edit_rule_set(user: Someone, *, published: bool, office: Ref) -> bool:
    """A draft is changed by a coordinator of the office that drafted it (a national draft by
    KPU RI's coordinators) or an administrator; a published rule set never changes."""
    if published or not isinstance(user, User):
        return False
    if office is None:
        return is_national_coordinator(user)
    return is_office_coordinator(user, office)


def drafts_visible(user: Someone, *, office: str = "office") -> Q | None:
    """The filter of the drafts the user may see (see ``may_see_rule_set``); None: all."""
    if is_national_coordinator(user):
        return None
    if isinstance(user, User) and user.is_staff_member and user.office_id:
        return Q(**{f"{office}_id": user.office_id})
    return Q(pk__in=[])


# --- guidance (juknis) items ---------------------------------------------------------------

ISSUING_LEVELS = ("ri", "provinsi")  # Office.Level values of the offices that issue guidance


def may_issue_guidance(user: Someone, office: Model | None) -> bool:
    """Staff of KPU RI (a national item) or of a province (for its region) open guidance
    items, and publish their answer; a regency or city office never does (it links its
    tickets to the items of the offices above it)."""
    if office is None or getattr(office, "level", None) not in ISSUING_LEVELS:
        return False
    return is_office_staff(user, office)


def offices_up(office: Model) -> list[int]:
    """The office's id and those of the offices above it, nearest first (at most 5 tiers)."""
    chain = [int(office.pk)]
    node = office
    while getattr(node, "parent_id", None) is not None and len(chain) < 6:
        chain.append(int(node.parent_id))
        node = node.parent
    return chain


def ticket_offices(ticket: Model) -> list[int]:
    """The offices whose staff work on a ticket: where it was asked and, once escalation
    gives tickets a handling office, the one handling it now."""
    ids = [int(ticket.office_id)]
    handling = getattr(ticket, "handling_office_id", None)
    if handling is not None and handling not in ids:
        ids.append(int(handling))
    return ids


def guidance_fits_ticket(item: Model, ticket: Model) -> bool:
    """A ticket may wait for guidance of its own office or of an office above it."""
    return int(item.office_id) in offices_up(ticket.office)


def may_link_guidance(user: Someone, ticket: Model, item: Model) -> bool:
    """Whether the user may link this ticket to this guidance item (or unlink it): staff of
    the ticket's office (or of its handling office), or staff of the issuing office for
    tickets of the offices below it. The item must be one the ticket's office waits for."""
    if not guidance_fits_ticket(item, ticket):
        return False
    if any(is_office_staff(user, office_id) for office_id in ticket_offices(ticket)):
        return True
    return may_issue_guidance(user, item.office)


def guidance_linkable(user: Someone, item: Model) -> Q:
    """The filter of the tickets this user may link to this item (see ``may_link_guidance``),
    by the ticket's ``office``: the issuer's staff reach every office below the item's; other
    staff only their own office, if it waits for the item."""
    if may_issue_guidance(user, item.office):
        if item.office.level == "ri":
            return Q()
        return Q(office_id=item.office_id) | Q(office__parent_id=item.office_id)
    if isinstance(user, User) and user.is_staff_member and user.office_id:
        from mejabantu.offices.models import Office

        office = Office.objects.filter(pk=user.office_id).first()
        if office is not None and int(item.office_id) in offices_up(office):
            # its own tickets, and those it handles now, asked below it (escalated up)
            handled = Q(handling_office_id=user.office_id, office__parent_id=user.office_id)
            return Q(office_id=user.office_id) | handled
    return Q(pk__in=[])


# -- people: who invites and manages staff accounts -----------------------------------------
# A national administrator invites any office's first coordinator; a coordinator invites and
# manages its own office's officers and coordinators. Nobody else manages accounts here, and
# an administrator's account is managed in the Django admin only.

STAFF_ROLES = (User.Role.OFFICER, User.Role.COORDINATOR)


def may_manage_people(user: Someone, office: Ref) -> bool:
    """May invite, change and deactivate this office's officers and coordinators: a
    coordinator of the office, or an administrator (any office)."""
    if not isinstance(user, User) or office is None:
        return False
    if is_administrator(user):
        return True
    return bool(
        user.role == User.Role.COORDINATOR
        and user.is_active
        and user.office_id is not None
        and user.office_id == _id(office)
    )


def may_manage_person(user: Someone, person: User) -> bool:
    """May change this person's account: an officer or coordinator of an office the user
    manages (never an administrator's or a party operator's account)."""
    if person.is_superuser or person.role not in STAFF_ROLES or person.office_id is None:
        return False
    return may_manage_people(user, person.office_id)


def people_visible(user: Someone) -> Q:
    """The filter of the staff accounts the user may manage (see ``may_manage_person``)."""
    if not isinstance(user, User) or not (
        is_administrator(user) or user.role == User.Role.COORDINATOR
    ):
        return Q(pk__in=[])
    staff = Q(role__in=STAFF_ROLES, is_superuser=False, office__isnull=False)
    if is_administrator(user):
        return staff
    if not user.is_active or user.office_id is None:
        return Q(pk__in=[])
    return staff & Q(office_id=user.office_id)


# -- tickets: handled by one office, asked at another, overseen from above -----------------
# A ticket travels the network (escalated, forwarded, returned: helpdesk.services.network); the
# office handling it now does the work, the one where it was asked keeps sight and notes, the
# offices above read.


class HandedTicket(Protocol):
    """What the ticket rules read of a ticket: where it was asked, who handles it now."""

    @property
    def office(self) -> Office: ...

    @property
    def handling_office(self) -> Office: ...


def _staff_office(user: Someone) -> Office | None:
    """The office of a signed-in officer or coordinator (None for anyone else)."""
    if isinstance(user, User) and user.is_staff_member and user.office_id:
        return user.office
    return None


def oversees(user: Someone, office: Office) -> bool:
    """Staff of an office above this one: KPU RI above all, a province above its
    kabupaten/kota (an administrator too)."""
    if is_administrator(user):
        return True
    mine = _staff_office(user)
    if mine is None or mine.pk == office.pk:
        return False
    return mine.level == Office.Level.RI or office.parent_id == mine.pk


def visible_tickets(user: Someone) -> Q | None:
    """The filter of the tickets the user may see (None: all): an officer's those asked at or
    handled by its office, and those of the offices below it; an operator its organisation's."""
    if is_administrator(user):
        return None
    office = _staff_office(user)
    if office is None:
        return visible(user)  # an operator's organisation's, or nothing
    if office.level == Office.Level.RI:
        return None
    found = Q(office_id=office.pk) | Q(handling_office_id=office.pk)
    if office.level == Office.Level.PROVINCE:  # only provinces have offices below them
        found |= Q(office__parent_id=office.pk) | Q(handling_office__parent_id=office.pk)
    return found


def own_desk(user: Someone) -> Office | None:
    """The office whose desk holds exactly the tickets the user sees (``visible_tickets``):
    a kabupaten/kota office, for its staff (those asked there and those handled there); None
    for anyone who sees more (a province, KPU RI, an administrator) or other tickets (a
    party)."""
    if is_administrator(user):
        return None
    office = _staff_office(user)
    if office is None or office.level in (Office.Level.RI, Office.Level.PROVINCE):
        return None
    return office


def scoped_tickets(queryset: QuerySet[M], user: Someone) -> QuerySet[M]:
    """Tickets narrowed to those the user may see (see ``visible_tickets``)."""
    found = visible_tickets(user)
    return queryset if found is None else queryset.filter(found)


def handles_ticket(user: Someone, ticket: HandedTicket) -> bool:
    """Staff of the office handling the ticket now: reply, assign, change, hand on."""
    return is_office_staff(user, ticket.handling_office)


def may_note_ticket(user: Someone, ticket: HandedTicket) -> bool:
    """Who may add internal notes: the handling office's staff and the asking office's."""
    return handles_ticket(user, ticket) or is_office_staff(user, ticket.office)


def sees_ticket_internals(user: Someone, ticket: HandedTicket) -> bool:
    """Staff who see a ticket's internal notes and history: those who may note it and the
    offices above either of its offices (read-only)."""
    return (
        may_note_ticket(user, ticket)
        or oversees(user, ticket.office)
        or oversees(user, ticket.handling_office)
    )
