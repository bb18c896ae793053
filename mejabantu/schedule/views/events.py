from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mejabantu.accounts.access import is_office_staff
from mejabantu.schedule import ical, selectors, services
from mejabantu.schedule.forms import AttendanceForm, MaterialForm
from mejabantu.schedule.models import CalendarFeed, Event, EventMaterial
from mejabantu.schedule.views.common import errors_of, user_office


def _event(request: HttpRequest, pk: int) -> Event:
    event = get_object_or_404(Event.objects.select_related("office"), pk=pk)
    if event not in selectors.events_visible_to(request.user, event.office):
        raise Http404
    return event


def event_detail(
    request: HttpRequest, pk: int, attendance_form=None, material_form=None, status=200
):
    """An event: invited organisations, materials; officers take attendance at the door."""
    event = _event(request, pk)
    staff = is_office_staff(request.user, event.office)
    context = {
        "event": event,
        "office": event.office,
        "staff": staff,
        "invited": list(event.invited.all()),
        "materials": list(event.materials.all()),
        "attendance": list(event.attendance.select_related("organisation")) if staff else [],
        "attendance_form": attendance_form or (AttendanceForm(event=event) if staff else None),
        "material_form": material_form or (MaterialForm() if staff else None),
    }
    if request.htmx and staff and request.method == "POST":
        return render(request, "schedule/event.html#attendance", context, status=status)
    return render(request, "schedule/event.html", context, status=status)


@login_required
@require_POST
def event_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    form = AttendanceForm(request.POST, event=event)
    if form.is_valid():
        try:
            services.attendance_record(
                actor=request.user,
                event=event,
                name=form.cleaned_data["name"],
                organisation=form.cleaned_data["organisation"],
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as exc:
            for error in errors_of(exc):
                form.add_error(None, error)
        else:
            if request.htmx:
                return event_detail(request, pk)
            messages.success(request, _("Arrival recorded."))
            return redirect(event)
    return event_detail(request, pk, attendance_form=form, status=400)


@login_required
@require_POST
def event_material(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    form = MaterialForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.material_attach(
                actor=request.user,
                event=event,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as exc:
            for error in errors_of(exc):
                form.add_error("file", error)
        else:
            messages.success(request, _("Material attached."))
            return redirect(event)
    return event_detail(request, pk, material_form=form, status=400)


def material_download(request: HttpRequest, pk: int) -> FileResponse:
    item = get_object_or_404(EventMaterial.objects.select_related("event__office"), pk=pk)
    _event(request, item.event_id)
    response = FileResponse(
        item.file.open("rb"), as_attachment=True, filename=item.file.name.rsplit("/", 1)[-1]
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def feeds(request: HttpRequest) -> HttpResponse:
    """The user's calendar subscribe URLs: create one, copy it, revoke it."""
    office = user_office(request)
    staff = is_office_staff(request.user, office)
    qs = CalendarFeed.objects.filter(office=office, revoked_at__isnull=True)
    qs = (
        qs.filter(organisation=None) if staff else qs.filter(organisation=request.user.organisation)
    )
    new_url = None
    if request.method == "POST":
        if request.POST.get("revoke"):
            feed = get_object_or_404(qs, pk=request.POST["revoke"])
            services.calendar_feed_revoke(actor=request.user, feed=feed)
            messages.success(request, _("Revoked. Calendars using that address stop updating."))
            return redirect("schedule:feeds")
        try:
            _feed, raw = services.calendar_feed_create(
                actor=request.user,
                office=office,
                organisation=None if staff else request.user.organisation,
            )
        except PermissionDenied:
            raise Http404 from None
        new_url = request.build_absolute_uri(f"/jadwal/kalender/{raw}.ics")
    return render(
        request,
        "schedule/feeds.html",
        {"office": office, "feeds": list(qs), "new_url": new_url, "staff": staff},
    )


def feed_ics(request: HttpRequest, token: str) -> HttpResponse:
    """The subscribe URL: no sign-in, the secret token is the key; revoked tokens give 404."""
    feed = services.calendar_feed_by_token(token)
    if feed is None:
        raise Http404
    response = HttpResponse(ical.feed_calendar(feed), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="jadwal.ics"'
    response["Cache-Control"] = "private, max-age=300"
    return response
