"""Tickets in the JSON API: list, create, read, reply, change. Unseen objects are 404."""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError

from mejabantu.accounts import access
from mejabantu.accounts.models import Organisation, User
from mejabantu.helpdesk import office_queue, selectors, services
from mejabantu.helpdesk.api_schemas import (
    MessageIn,
    MessageOut,
    TicketDetailOut,
    TicketFilters,
    TicketIn,
    TicketListOut,
    TicketPatch,
)
from mejabantu.helpdesk.choices import LEGACY_VALUES
from mejabantu.helpdesk.models import Channel, Priority, Ticket, TicketHop

logger = logging.getLogger("mejabantu.api")

router = Router(tags=["tickets"])


def _hop_out(h: TicketHop) -> dict:
    return {
        "kind": h.kind,
        "from_office": h.from_office.code,
        "to_office": h.to_office.code,
        "reason": h.reason,
        "by": h.actor_name,
        "at": h.created_at,
    }


HOPS = Prefetch("hops", queryset=TicketHop.objects.select_related("from_office", "to_office"))


def _out(t: Ticket) -> dict:
    return {
        "id": t.pk,
        "reference": t.reference,
        "office": t.office.code,
        "handled_by": t.handling_office.code,
        "hops": [_hop_out(h) for h in t.hops.all()],
        "organisation": t.organisation.code if t.organisation_id else None,
        "requester_name": t.requester_name,
        "category": t.category.code,
        "subject": t.subject,
        "body": t.body,
        "channel": t.channel,
        "priority": t.priority,
        "status": t.status,
        "assignee": t.assignee.username if t.assignee_id else None,
        "received_at": t.received_at,
        "created_at": t.created_at,
        "updated_at": t.updated_at,
        "first_response_at": t.first_response_at,
        "resolved_at": t.resolved_at,
        "version": t.version,
        "rating": t.rating,
        "first_response_due": t.first_response_due,
        "resolution_due": t.resolution_due,
        "sla_state": t.sla_state,
        "waiting_for": t.pending_guidance_id,
        "url": t.get_absolute_url(),
    }


def _detail(request, t: Ticket) -> dict:
    thread = selectors.messages_visible_to(user=request.user, ticket=t)
    return {
        **_out(t),
        "messages": [
            {
                "id": m.pk,
                "author": m.author_name,
                "from_requester": m.from_requester,
                "internal": m.internal,
                "body": m.body,
                "created_at": m.created_at,
                "attachments": [a.get_absolute_url() for a in m.attachment_list],
            }
            for m in thread
        ],
    }


def _current(field: str, value: str | None) -> str | None:
    """A status, priority or channel as stored; the Indonesian values of before December 2026
    still map to their codes (for one release, see docs/api.md)."""
    return LEGACY_VALUES[field].get(value, value) if value else value


def _fail(exc: ValidationError):
    raise HttpError(422, " ".join(exc.messages))


@router.get("", response=TicketListOut)
def ticket_list(request, filters: Query[TicketFilters]):
    """Tickets the caller may see, newest first, with the queue filters."""
    f = selectors.QueueFilters(
        queue="all",
        status=_current("status", filters.status),
        category=filters.category,
        channel=_current("channel", filters.channel),
        organisation=filters.organisation,
        assignee=filters.assignee,
        q=filters.q,
    )
    # a kabupaten/kota officer's tickets are its desk's: read as the office queue reads them
    # (index-ordered lists merged, office_queue), within the rows those lists hold
    desk = access.own_desk(request.user)
    if filters.offset + filters.limit > office_queue.CAP:
        desk = None
    qs = selectors.ticket_queue(user=request.user, filters=f, office=desk, body=True)
    page, count, capped = selectors.ticket_page(qs, offset=filters.offset, limit=filters.limit)
    prefetch_related_objects(page, HOPS)
    return {"count": count, "count_capped": capped, "results": [_out(t) for t in page]}


@router.post("", response={201: TicketDetailOut, 200: TicketDetailOut})
def ticket_create(request, payload: TicketIn):
    """Ask a question (party operators), or log one on behalf of an organisation (officers)."""
    user: User = request.user
    if user.is_operator:
        office = user.organisation.office
        extra = {}
    elif user.is_staff_member and user.office_id:
        office = user.office
        org = None
        if payload.organisation:
            org = Organisation.objects.filter(code=payload.organisation, office=office).first()
            if org is None:
                raise HttpError(
                    422,
                    _("organisation: unknown at this office (%(code)s).")
                    % {"code": payload.organisation},
                )
        extra = {
            "channel": _current("channel", payload.channel) or Channel.WEB,
            "organisation": org,
            "requester_name": payload.requester_name or "",
            "received_at": payload.received_at,
            "priority": _current("priority", payload.priority) or Priority.NORMAL,
        }
    else:
        raise HttpError(403, _("This account cannot create tickets."))
    try:
        ticket, created = services.ticket_create(
            actor=user,
            office=office,
            subject=payload.subject,
            body=payload.body,
            category=payload.category,
            idempotency_key=payload.idempotency_key,
            **extra,
        )
    except PermissionDenied:
        raise HttpError(403, _("This account cannot create tickets at this office.")) from None
    except ValidationError as exc:
        _fail(exc)
    try:
        body = _detail(request, selectors.ticket_get(user=user, reference=ticket.reference))
    except DatabaseError:
        # committed, but the connection dropped before the read-back: answer from what was
        # written (the thread is the question itself), never a 500 that invites a duplicate
        logger.warning("ticket %s created; read-back failed", ticket.reference, exc_info=True)
        body = {**_out(ticket), "messages": []}
    return Status(201 if created else 200, body)


@router.get("/{ticket_id}", response=TicketDetailOut)
def ticket_detail(request, ticket_id: str):
    """One ticket with the messages the caller may see (internal notes for officers only)."""
    return _detail(request, selectors.ticket_get(user=request.user, reference=ticket_id))


@router.post("/{ticket_id}/messages", response={201: MessageOut})
def message_create(request, ticket_id: str, payload: MessageIn):
    """Reply (public) or add an internal note (officers)."""
    ticket = selectors.ticket_get(user=request.user, reference=ticket_id)
    try:
        m = services.message_add(
            ticket=ticket, actor=request.user, body=payload.body, internal=payload.internal
        )
    except PermissionDenied:
        raise HttpError(403, _("Only officers can write internal notes.")) from None
    except ValidationError as exc:
        _fail(exc)
    return Status(
        201,
        {
            "id": m.pk,
            "author": m.author_name,
            "from_requester": m.from_requester,
            "internal": m.internal,
            "body": m.body,
            "created_at": m.created_at,
            "attachments": [],
        },
    )


@router.patch("/{ticket_id}", response=TicketDetailOut)
def ticket_patch(request, ticket_id: str, payload: TicketPatch):
    """Change status, assignee, priority or category (officers of the office)."""
    ticket = selectors.ticket_get(user=request.user, reference=ticket_id)
    if not access.handles_ticket(request.user, ticket):
        _not_handled(request, ticket)
    changes = payload.dict(exclude_unset=True)
    version = changes.pop("version", None)
    for field in ("status", "priority"):
        if field in changes:
            changes[field] = _current(field, changes[field])
    if "assignee" in changes:
        username = changes["assignee"]
        changes["assignee"] = None
        if username:
            changes["assignee"] = User.objects.filter(username=username).first()
            if changes["assignee"] is None:
                raise HttpError(
                    422, _("assignee: unknown user %(username)s.") % {"username": username}
                )
    try:
        services.ticket_update(
            ticket=ticket, actor=request.user, expected_version=version, **changes
        )
    except services.ConflictError as exc:
        raise HttpError(409, exc.message) from None
    except ValidationError as exc:
        _fail(exc)
    return _detail(request, selectors.ticket_get(user=request.user, reference=ticket_id))


class GuidanceLinkIn(Schema):
    guidance: int | None = Field(..., description="the guidance item's id; null releases it")


@router.post("/{ticket_id}/guidance", response=TicketDetailOut)
def ticket_guidance(request, ticket_id: str, payload: GuidanceLinkIn):
    """Link the ticket to a guidance item it waits for (its SLA clocks pause), or release it."""
    from mejabantu.helpdesk.services.guidance import ticket_guidance_link

    ticket = selectors.ticket_get(user=request.user, reference=ticket_id)
    item = None
    if payload.guidance is not None:
        item = selectors.guidance_get(pk=payload.guidance)
    try:
        ticket_guidance_link(ticket=ticket, item=item, actor=request.user)
    except PermissionDenied as exc:
        raise HttpError(403, str(exc)) from None
    except ValidationError as exc:
        _fail(exc)
    return _detail(request, selectors.ticket_get(user=request.user, reference=ticket_id))


class HandOnIn(Schema):
    to: str = Field(..., min_length=1, max_length=20, description="code of the receiving office")
    reason: str = Field(..., min_length=1)


class ReturnIn(Schema):
    guidance: str = Field(..., min_length=1)


def _not_handled(request, ticket: Ticket):
    """Officers who see the ticket but do not handle it are told who does; others get 404."""
    if access.sees_ticket_internals(request.user, ticket):
        raise HttpError(
            403,
            _("%(office)s handles this ticket now: only its officers can change it.")
            % {"office": ticket.handling_office},
        )
    raise Http404


@router.post("/{ticket_id}/escalate", response=TicketDetailOut)
def ticket_escalate(request, ticket_id: str, payload: HandOnIn):
    """Hand the ticket on: ``to`` an office above the handling one escalates it, any other
    office forwards it (officers of the handling office)."""
    ticket = selectors.ticket_get(user=request.user, reference=ticket_id)
    if not access.handles_ticket(request.user, ticket):
        _not_handled(request, ticket)
    to_office = selectors.office_by_code(payload.to)
    if to_office is None:
        raise HttpError(
            422,
            _("to: no office has the code “%(code)s” (see /api/v1/offices).")
            % {"code": payload.to},
        )
    try:
        services.ticket_hand_on(
            ticket=ticket, to_office=to_office, reason=payload.reason, actor=request.user
        )
    except ValidationError as exc:
        _fail(exc)
    return _after_hop(request, ticket)


@router.post("/{ticket_id}/return", response=TicketDetailOut)
def ticket_return(request, ticket_id: str, payload: ReturnIn):
    """Return the ticket to the office where it was asked, with guidance (an internal note)."""
    ticket = selectors.ticket_get(user=request.user, reference=ticket_id)
    if not access.handles_ticket(request.user, ticket):
        _not_handled(request, ticket)
    try:
        services.ticket_return(ticket=ticket, guidance=payload.guidance, actor=request.user)
    except ValidationError as exc:
        _fail(exc)
    return _after_hop(request, ticket)


def _after_hop(request, ticket: Ticket) -> dict:
    """The ticket as the caller sees it now; as the service left it if no longer visible."""
    seen = selectors.tickets_visible_to(request.user).filter(pk=ticket.pk).first()
    if seen is None:
        seen = Ticket.objects.select_related(*selectors.LIST_RELATED).get(pk=ticket.pk)
    return _detail(request, seen)
