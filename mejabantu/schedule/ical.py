"""iCalendar export of an office's (or an organisation's) schedule, in the office's zone."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar
from icalendar import Event as VEvent

from mejabantu.schedule import selectors
from mejabantu.schedule.models import Appointment, CalendarFeed, Event


def _event(uid: str, summary: str, start, end, description: str = "", location: str = ""):
    item = VEvent()
    item.add("uid", uid)
    item.add("dtstamp", datetime(2024, 1, 1, tzinfo=ZoneInfo("UTC")))
    item.add("summary", summary)
    item.add("dtstart", start)
    item.add("dtend", end)
    if description:
        item.add("description", description)
    if location:
        item.add("location", location)
    return item


def feed_calendar(feed: CalendarFeed) -> bytes:
    """Build the .ics of a feed: stages (all-day), events and bookings in the office's zone."""
    office, organisation = feed.office, feed.organisation
    tz = ZoneInfo(office.timezone)
    cal = Calendar()
    cal.add("prodid", "-//Mejabantu//Jadwal//ID")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{office.name}" + (f" · {organisation.name}" if organisation else ""))
    cal.add("x-wr-timezone", office.timezone)
    for stage in selectors.stages_for(office):
        cal.add_component(
            _event(
                f"stage-{stage.election}-{stage.code}@mejabantu",
                stage.name + ("" if stage.confirmed else " (tanggal belum pasti)"),
                stage.starts_on,
                stage.ends_on + timedelta(days=1),
                stage.description,
            )
        )
    if organisation is None:
        events = Event.objects.filter(office=office)
        bookings = Appointment.objects.filter(office=office)
    else:
        events = selectors.events_for_organisation(organisation)
        bookings = Appointment.objects.filter(organisation=organisation)
    for event in events:
        cal.add_component(
            _event(
                f"event-{event.pk}@mejabantu",
                event.title,
                event.starts_at.astimezone(tz),
                event.ends_at.astimezone(tz),
                event.description,
                event.location,
            )
        )
    for booking in bookings.exclude(status=Appointment.Status.CANCELLED).select_related(
        "slot", "organisation"
    ):
        cal.add_component(
            _event(
                f"appointment-{booking.pk}@mejabantu",
                f"{booking.slot.get_kind_display()}: {booking.organisation.name}",
                booking.slot.starts_at.astimezone(tz),
                booking.slot.ends_at.astimezone(tz),
                booking.topic,
                office.address,
            )
        )
    cal.add_missing_timezones()
    return cal.to_ical()
