"""JSON API of the schedule app (mounted at /api/v1/ by mejabantu/api.py)."""

from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError, ValidationError

from mejabantu.accounts.api_auth import bearer, optional_bearer
from mejabantu.accounts.models import Organisation
from mejabantu.offices import clock
from mejabantu.offices.selectors import office_get
from mejabantu.schedule import selectors, services
from mejabantu.schedule.models import LEGACY_SLOT_KINDS, Appointment, SlotKind

router = Router(tags=["schedule"])
MAX_SLOT_RANGE_DAYS = 31


class StageOut(Schema):
    code: str
    name: str
    starts_on: date
    ends_on: date
    hours: str
    state: str
    confirmed: bool
    note: str
    only_single_candidate_regions: bool
    legal_basis: str
    knowledge_url: str


class SlotOut(Schema):
    starts_at: datetime
    ends_at: datetime
    capacity: int
    free: int


class SlotsQuery(Schema):
    from_: date | None = Field(None, alias="from", description="YYYY-MM-DD (default today)")
    to: date | None = Field(None, description="YYYY-MM-DD, inclusive (default from + 7 days)")
    kind: str = Field(SlotKind.CONSULTATION, description="consultation | registration")


class AppointmentIn(Schema):
    office: str = Field(..., description="Office code, e.g. 19.02")
    starts_at: datetime = Field(..., description="Start of a slot offered by /slots, with offset")
    topic: str = ""
    ticket: str | None = Field(None, description="Reference of a ticket to link")
    organisation: str | None = Field(None, description="Officers only: the organisation's code")
    kind: str = Field(SlotKind.CONSULTATION, description="consultation | registration")
    pair_name: str = ""
    party_codes: list[str] | None = None


class AppointmentOut(Schema):
    id: int
    office: str
    organisation: str
    kind: str
    starts_at: datetime
    ends_at: datetime
    place: int
    status: str
    topic: str
    ticket: str | None
    url: str


class QueueEntryOut(Schema):
    number: str
    service: str
    desk: str


class QueueOut(Schema):
    office: str
    day: date
    serving: list[QueueEntryOut]
    waiting: list[str]


def _appointment_out(a: Appointment) -> dict:
    return {
        "id": a.pk,
        "office": a.office.code,
        "organisation": a.organisation.code,
        "kind": a.slot.kind,
        "starts_at": a.slot.starts_at,
        "ends_at": a.slot.ends_at,
        "place": a.place,
        "status": a.status,
        "topic": a.topic,
        "ticket": a.ticket.reference if a.ticket_id else None,
        "url": a.get_absolute_url(),
    }


def _slot_kind(value: str, where: str) -> str:
    """The slot kind asked for; the Indonesian values of before December 2026 still map."""
    kind = LEGACY_SLOT_KINDS.get(value, value)
    if kind not in SlotKind.values:
        raise ValidationError(
            [{"loc": [where, "kind"], "msg": _("Use consultation or registration.")}]
        )
    return kind


def _schedule_error(exc: services.ScheduleError) -> HttpError:
    status = 409 if exc.code in ("full", "twice") else 422
    return HttpError(status, " ".join(exc.messages))


@router.get("/offices/{code}/stages", response=list[StageOut], auth=optional_bearer)
def office_stages(request, code: str):
    """Return the election's stages as they apply to the office, with today's state."""
    office = office_get(code=code)
    today = clock.now().astimezone(selectors.office_tz(office)).date()
    return [
        {
            **{f: getattr(r.stage, f) for f in StageOut.model_fields if hasattr(r.stage, f)},
            "state": r.state,
            "knowledge_url": f"/pengetahuan/?stage={r.stage.code}",
        }
        for r in selectors.timeline(selectors.stages_for(office), today)
    ]


@router.get("/offices/{code}/slots", response=list[SlotOut], auth=optional_bearer)
def office_slots(request, code: str, query: Query[SlotsQuery]):
    """Return the bookable slots with their free places (from, to inclusive, office dates)."""
    office = office_get(code=code)
    kind = _slot_kind(query.kind, "query")
    first = query.from_ or clock.now().astimezone(selectors.office_tz(office)).date()
    last = query.to or first + timedelta(days=7)
    if last < first:
        raise ValidationError(
            [{"loc": ["query", "to"], "msg": _("The end date must be on or after the start date.")}]
        )
    if (last - first).days > MAX_SLOT_RANGE_DAYS:
        raise ValidationError(
            [{"loc": ["query", "to"], "msg": _("Ask for at most 31 days at a time.")}]
        )
    start, _end = selectors.day_bounds(office, first)
    _start, end = selectors.day_bounds(office, last)
    return [
        {"starts_at": s.starts_at, "ends_at": s.ends_at, "capacity": s.capacity, "free": s.free}
        for s in selectors.slots_between(office, start, end, kind)
    ]


@router.post("/appointments", response={201: AppointmentOut}, auth=bearer)
def appointment_create(request, payload: AppointmentIn):
    """Book a slot for the caller's organisation (officers name the organisation)."""
    office = office_get(code=payload.office)
    kind = _slot_kind(payload.kind, "body")
    organisation = None
    if payload.organisation:
        organisation = Organisation.objects.filter(code=payload.organisation).first()
        if organisation is None:
            raise ValidationError(
                [{"loc": ["body", "organisation"], "msg": _("Unknown organisation code.")}]
            )
    ticket = None
    if payload.ticket:
        from mejabantu.helpdesk.selectors import ticket_get

        ticket = ticket_get(user=request.user, reference=payload.ticket)
    try:
        appointment = services.appointment_book(
            actor=request.user,
            office=office,
            starts_at=payload.starts_at,
            topic=payload.topic,
            ticket=ticket,
            organisation=organisation,
            kind=kind,
            pair_name=payload.pair_name,
            party_codes=payload.party_codes,
        )
    except PermissionDenied:
        raise HttpError(403, _("This account cannot book at this office.")) from None
    except services.ScheduleError as exc:
        raise _schedule_error(exc) from None
    return Status(201, _appointment_out(appointment))


@router.delete("/appointments/{appointment_id}", response=AppointmentOut, auth=bearer)
def appointment_delete(request, appointment_id: int):
    """Cancel a booking; its place is free again. Unseen bookings are 404."""
    appointment = get_object_or_404(
        selectors.appointments_visible_to(request.user), pk=appointment_id
    )
    try:
        appointment = services.appointment_cancel(actor=request.user, appointment=appointment)
    except PermissionDenied:
        raise Http404 from None
    return _appointment_out(appointment)


@router.get("/offices/{code}/queue", response=QueueOut, auth=optional_bearer)
def office_queue(request, code: str):
    """Return today's walk-in queue: the numbers being served and those waiting."""
    office = office_get(code=code)
    day = clock.now().astimezone(selectors.office_tz(office)).date()
    board = selectors.queue_today(office, day)
    return {
        "office": office.code,
        "day": day,
        "serving": [
            {"number": n.label, "service": n.service, "desk": n.desk} for n in board["called"]
        ],
        "waiting": [n.label for n in board["waiting"]],
    }
