"""Office pages: the public helpdesk page, and the coordinator's hours and SLA pages."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mejabantu.offices import clock, services
from mejabantu.offices.forms import (
    CATEGORY_LABELS,
    WEEKDAY_FIELDS,
    ClosureForm,
    DatedHoursForm,
    SlaPolicyForm,
    SpecialDayForm,
    WeeklyHoursForm,
)
from mejabantu.offices.hours import OpeningStatus, opening_status
from mejabantu.offices.models import (
    Closure,
    HoursChange,
    HoursOverride,
    Office,
    SlaPolicy,
    SpecialDay,
)
from mejabantu.offices.selectors import (
    hours_changes,
    office_closures,
    office_for_coordinator,
    office_get,
    office_overrides,
    office_sla_policies,
    office_special_days,
    offices_list,
    upcoming_entries,
    weekly_hours,
)

OVERSEEING = (Office.Level.RI, Office.Level.PROVINCE)  # offices with desks below them


def _day_label(when: datetime, now: datetime) -> str:
    days = (when.date() - now.date()).days
    if days == 0:
        return _("today")
    if days == 1:
        return _("tomorrow")
    if days < 7:
        return date_format(when, "l")
    return date_format(when, "l, j F Y")


def status_text(status: OpeningStatus) -> str:
    """Return 'Open now until 16.00 WIB' or 'Closed, opens Monday 07.30 WIB', translated."""
    if status.open and status.until is not None:
        until = status.until.strftime("%H.%M")
        if status.until.date() != status.now.date():
            until = f"{_day_label(status.until, status.now)} {until}"
        return _("Open now until %(time)s %(zone)s") % {"time": until, "zone": status.tz_label}
    if status.opens_at is None:
        return _("Closed; no opening hours are scheduled.")
    return _("Closed, opens %(day)s %(time)s %(zone)s") % {
        "day": _day_label(status.opens_at, status.now),
        "time": status.opens_at.strftime("%H.%M"),
        "zone": status.tz_label,
    }


def office_detail(request: HttpRequest, code: str) -> HttpResponse:
    """The office's helpdesk home: how to ask, contact, and whether the desk is open."""
    office = office_get(code=code)
    status = opening_status(office, clock.now())
    user = request.user
    return render(
        request,
        "offices/detail.html",
        {
            "office": office,
            "status": status,
            "status_text": status_text(status),
            "week": weekly_hours(office),
            "upcoming": upcoming_entries(office, status.now.date()),
            "below": offices_list(parent=office.code) if office.level in OVERSEEING else [],
            # the desks page checks access itself (accounts.access.may_oversee); the link is
            # offered to the office's own staff and administrators
            "can_oversee": office.level in OVERSEEING
            and user.is_authenticated
            and getattr(user, "is_staff_member", False)
            and (user.is_superuser or getattr(user, "office_id", None) == office.pk),
            "can_manage": user.is_authenticated
            and getattr(user, "is_coordinator", False)
            and getattr(user, "office_id", None) == office.pk,
        },
    )


# -- the coordinator's pages ---------------------------------------------------------------


def _describe(subject: str, data) -> list[str]:
    """Turn a change-log snapshot into short lines for the page."""
    if not data:
        return []
    if subject == HoursChange.Subject.WEEKLY_HOURS:
        labels = [str(WeeklyHoursForm.base_fields[f].label) for f in WEEKDAY_FIELDS]
        lines = [f"{labels[int(k)]}: {v or _('closed')}" for k, v in data["hours"].items()]
        lines.append(_("confirmed") if data.get("confirmed") else _("unconfirmed"))
        return lines
    if subject == HoursChange.Subject.SLA_POLICY:
        return [
            "{} / {}: {} / {} ({} %)".format(
                CATEGORY_LABELS.get(data["category_code"], data["category_code"]),
                SlaPolicy.Priority(data["priority"]).label
                if data["priority"]
                else _("any priority"),
                data["first_response_minutes"],
                data["resolution_minutes"],
                data["warning_percent"],
            )
        ]
    parts = [data.get("date") or f"{data.get('first_day')} – {data.get('last_day')}", data["name"]]
    if data.get("hours"):
        parts.append(data["hours"])
    if data.get("from"):
        parts.append(f"{data['from']}–{data['to']}")
    if isinstance(data.get("weekly"), dict):
        parts.append("; ".join(v for v in data["weekly"].values() if v))
    return [" · ".join(str(p) for p in parts)]


def _changes(office, subjects=None):
    rows = []
    for change in hours_changes(office):
        if subjects and change.subject not in subjects:
            continue
        rows.append(
            {
                "change": change,
                "before": _describe(change.subject, change.before),
                "after": _describe(change.subject, change.after),
            }
        )
    return rows


def _render_hours(request, office, **forms) -> HttpResponse:
    calendar_week = {row.weekday: row.spans_text for row in weekly_hours(office)}
    week_initial = {name: calendar_week[i] for i, name in enumerate(WEEKDAY_FIELDS)}
    context = {
        "office": office,
        "week_form": forms.get("week_form")
        or WeeklyHoursForm(initial={**week_initial, "confirmed": office.hours_confirmed}),
        "closure_form": forms.get("closure_form") or ClosureForm(),
        "special_form": forms.get("special_form") or SpecialDayForm(),
        "dated_form": forms.get("dated_form") or DatedHoursForm(),
        "closures": office_closures(office),
        "special_days": office_special_days(office),
        "overrides": office_overrides(office),
        "changes": _changes(office),
    }
    status = 400 if forms else 200
    return render(request, "offices/hours_manage.html", context, status=status)


@login_required
def hours_manage(request: HttpRequest, code: str) -> HttpResponse:
    """Weekly hours (GET shows every form and the change log; POST saves the week)."""
    office = office_for_coordinator(user=request.user, code=code)
    if request.method == "POST":
        form = WeeklyHoursForm(request.POST)
        if not form.is_valid():
            return _render_hours(request, office, week_form=form)
        services.weekly_hours_set(
            office=office,
            actor=request.user,
            hours=form.hours(),
            confirmed=form.cleaned_data["confirmed"],
        )
        messages.success(request, _("The weekly hours were saved."))
        return redirect("offices:hours", code=office.code)
    return _render_hours(request, office)


@login_required
@require_POST
def closure_add(request: HttpRequest, code: str) -> HttpResponse:
    office = office_for_coordinator(user=request.user, code=code)
    form = ClosureForm(request.POST)
    if not form.is_valid():
        return _render_hours(request, office, closure_form=form)
    data = form.cleaned_data
    services.closure_create(
        office=office,
        actor=request.user,
        day=data["date"],
        name=data["name"],
        kind=data["kind"],
        start=data["start"],
        end=data["end"],
    )
    messages.success(request, _("The closure was added."))
    return redirect("offices:hours", code=office.code)


@login_required
@require_POST
def closure_remove(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    office = office_for_coordinator(user=request.user, code=code)
    closure = get_object_or_404(Closure, office=office, pk=pk)
    services.closure_delete(closure=closure, actor=request.user)
    messages.success(request, _("The closure was removed."))
    return redirect("offices:hours", code=office.code)


@login_required
@require_POST
def special_day_add(request: HttpRequest, code: str) -> HttpResponse:
    office = office_for_coordinator(user=request.user, code=code)
    form = SpecialDayForm(request.POST)
    if not form.is_valid():
        return _render_hours(request, office, special_form=form)
    data = form.cleaned_data
    services.special_day_save(
        office=office,
        actor=request.user,
        day=data["date"],
        name=data["name"],
        hours=data["hours"],
        confirmed=data["confirmed"],
    )
    messages.success(request, _("The special day was saved."))
    return redirect("offices:hours", code=office.code)


@login_required
@require_POST
def special_day_remove(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    office = office_for_coordinator(user=request.user, code=code)
    special = get_object_or_404(SpecialDay, office=office, pk=pk)
    services.special_day_delete(special_day=special, actor=request.user)
    messages.success(request, _("The special day was removed."))
    return redirect("offices:hours", code=office.code)


@login_required
@require_POST
def dated_hours_add(request: HttpRequest, code: str) -> HttpResponse:
    office = office_for_coordinator(user=request.user, code=code)
    form = DatedHoursForm(request.POST)
    if not form.is_valid():
        return _render_hours(request, office, dated_form=form)
    data = form.cleaned_data
    services.hours_override_create(
        office=office,
        actor=request.user,
        name=data["name"],
        first_day=data["first_day"],
        last_day=data["last_day"],
        hours=form.hours(),
    )
    messages.success(request, _("The dated hours were saved."))
    return redirect("offices:hours", code=office.code)


@login_required
@require_POST
def dated_hours_remove(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    office = office_for_coordinator(user=request.user, code=code)
    override = get_object_or_404(HoursOverride, office=office, pk=pk)
    services.hours_override_delete(override=override, actor=request.user)
    messages.success(request, _("The dated hours were removed."))
    return redirect("offices:hours", code=office.code)


@login_required
def sla_manage(request: HttpRequest, code: str) -> HttpResponse:
    """SLA policies of the office (GET lists them; POST creates or updates one)."""
    office = office_for_coordinator(user=request.user, code=code)
    form = SlaPolicyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.sla_policy_save(office=office, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The SLA policy was saved."))
        return redirect("offices:sla", code=office.code)
    policies = [
        {
            "policy": p,
            "category": CATEGORY_LABELS.get(p.category_code, p.category_code),
        }
        for p in office_sla_policies(office)
    ]
    return render(
        request,
        "offices/sla_manage.html",
        {
            "office": office,
            "form": form,
            "policies": policies,
            "changes": _changes(office, {HoursChange.Subject.SLA_POLICY}),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def sla_remove(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    office = office_for_coordinator(user=request.user, code=code)
    policy = get_object_or_404(SlaPolicy, office=office, pk=pk)
    services.sla_policy_delete(policy=policy, actor=request.user)
    messages.success(request, _("The SLA policy was removed."))
    return redirect("offices:sla", code=office.code)


def home(request: HttpRequest) -> HttpResponse:
    """Send each user where their work is; the public sees the offices."""
    user = request.user
    if user.is_authenticated:
        if user.is_staff_member and (user.office_id or user.is_superuser):
            return redirect("helpdesk:queue")
        if user.is_operator:
            return redirect("helpdesk:my_tickets")
    default = getattr(settings, "MEJABANTU_DEFAULT_OFFICE", "19.02")
    office = Office.objects.filter(code=default).first()
    offices = offices_list().filter(level__in=OVERSEEING)  # KPU RI and the 38 provinces
    return render(request, "core/home.html", {"office": office, "offices": offices})
