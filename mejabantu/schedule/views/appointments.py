from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mejabantu.accounts.access import is_office_staff
from mejabantu.core.redirects import safe_next
from mejabantu.schedule import selectors, services
from mejabantu.schedule.forms import BookForm, MoveForm, RegistrationBookForm
from mejabantu.schedule.models import Appointment, SlotKind
from mejabantu.schedule.views.common import (
    errors_of,
    now_in,
    parse_day,
    today_in,
    user_office,
)


def _ticket_from(request: HttpRequest, office, reference: str):
    if not reference:
        return None
    from mejabantu.helpdesk.selectors import ticket_get

    ticket = ticket_get(user=request.user, reference=reference)
    if ticket.office_id != office.pk:
        raise Http404
    return ticket


def _slots_context(request: HttpRequest, office, kind=SlotKind.CONSULTATION):
    today = today_in(office)
    if kind == SlotKind.REGISTRATION:
        days = services.registration_days(office)
        day = parse_day(request.GET.get("day"), days[0] if days else today)
    else:
        days = [
            today + timedelta(days=i)
            for i in range(services.slot_settings_for(office).horizon_days + 1)
        ]
        day = parse_day(request.GET.get("day"), today)
    start, end = selectors.day_bounds(office, day)
    return {
        "office": office,
        "day": day,
        "days": days,
        "slots": selectors.slots_between(office, start, end, kind),
        "kind": kind,
    }


@login_required
def consultations(request: HttpRequest, form: BookForm | None = None, status: int = 200):
    """Book a consultation (party operators) or see and confirm the bookings (officers)."""
    office = user_office(request)
    staff = is_office_staff(request.user, office)
    context = _slots_context(request, office)
    if request.htmx and not form:
        return render(request, "schedule/consultations.html#slots", context)
    context.update(
        staff=staff,
        form=form
        or BookForm(office=office, staff=staff, initial={"ticket": request.GET.get("ticket", "")}),
        appointments=selectors.appointments_visible_to(request.user)
        .filter(slot__kind=SlotKind.CONSULTATION, slot__ends_at__gte=now_in(office))
        .exclude(status=Appointment.Status.CANCELLED)[:100],
        ticket_reference=request.GET.get("ticket", ""),
    )
    return render(request, "schedule/consultations.html", context, status=status)


@login_required
@require_POST
def book(request: HttpRequest) -> HttpResponse:
    office = user_office(request)
    staff = is_office_staff(request.user, office)
    kind = request.POST.get("kind") or SlotKind.CONSULTATION
    form_class = RegistrationBookForm if kind == SlotKind.REGISTRATION else BookForm
    form = form_class(request.POST, office=office, staff=staff)
    if form.is_valid():
        data = form.cleaned_data
        try:
            appointment = services.appointment_book(
                actor=request.user,
                office=office,
                starts_at=data["starts_at"],
                topic=data.get("topic", ""),
                ticket=_ticket_from(request, office, data.get("ticket", "")),
                organisation=data.get("organisation"),
                kind=kind,
                pair_name=data.get("pair_name", ""),
                party_codes=data.get("party_codes") if kind == SlotKind.REGISTRATION else None,
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as exc:
            for error in errors_of(exc):
                form.add_error(None, error)
        else:
            messages.success(request, _("Booked. The office will confirm your booking."))
            return redirect(appointment)
    if kind == SlotKind.REGISTRATION:
        return registration(request, form=form, status=400)
    return consultations(request, form=form, status=400)


def _appointment(request: HttpRequest, pk: int) -> Appointment:
    return get_object_or_404(selectors.appointments_visible_to(request.user), pk=pk)


@login_required
def appointment(request: HttpRequest, pk: int, errors: list[str] | None = None, status=200):
    item = _appointment(request, pk)
    context = _slots_context(request, item.office, item.slot.kind)
    if request.htmx and not errors:
        return render(request, "schedule/appointment.html#slots", {**context, "item": item})
    context.update(
        item=item,
        staff=is_office_staff(request.user, item.office),
        errors=errors or [],
    )
    return render(request, "schedule/appointment.html", context, status=status)


@login_required
@require_POST
def appointment_move(request: HttpRequest, pk: int) -> HttpResponse:
    item = _appointment(request, pk)
    form = MoveForm(request.POST)
    if not form.is_valid():
        return appointment(request, pk, errors=[_("Choose one of the slots offered.")], status=400)
    try:
        services.appointment_reschedule(
            actor=request.user, appointment=item, starts_at=form.cleaned_data["starts_at"]
        )
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as exc:
        return appointment(request, pk, errors=errors_of(exc), status=400)
    messages.success(request, _("Moved. The office will confirm the new time."))
    return redirect(item)


@login_required
@require_POST
def appointment_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    item = _appointment(request, pk)
    try:
        services.appointment_cancel(actor=request.user, appointment=item)
    except PermissionDenied:
        raise Http404 from None
    messages.success(request, _("The booking is cancelled and the place is free again."))
    return redirect(item)


@login_required
@require_POST
def appointment_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    item = _appointment(request, pk)
    try:
        services.appointment_confirm(actor=request.user, appointment=item)
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as exc:
        return appointment(request, pk, errors=errors_of(exc), status=400)
    messages.success(request, _("Confirmed."))
    return redirect(safe_next(request) or item.get_absolute_url())


@login_required
def registration(request: HttpRequest, form=None, status: int = 200) -> HttpResponse:
    """Registration days: parties book their arrival; the office sees the plan and conflicts."""
    office = user_office(request)
    staff = is_office_staff(request.user, office)
    context = _slots_context(request, office, SlotKind.REGISTRATION)
    if request.htmx and not form:
        return render(request, "schedule/registration.html#slots", context)
    context.update(
        staff=staff,
        form=form or RegistrationBookForm(office=office, staff=staff),
        plan=selectors.registration_plan(office, context["days"]) if staff else [],
        mine=selectors.appointments_visible_to(request.user)
        .filter(slot__kind=SlotKind.REGISTRATION)
        .exclude(status=Appointment.Status.CANCELLED),
    )
    return render(request, "schedule/registration.html", context, status=status)
