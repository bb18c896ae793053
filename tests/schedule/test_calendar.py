"""iCalendar feeds: a secret subscribe URL per office or organisation, revocable."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from mejabantu.schedule import demo, services
from mejabantu.schedule.models import CalendarFeed

pytestmark = pytest.mark.django_db


@pytest.fixture
def schedule_demo(office):
    demo.load()


def _parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_office_feed_parses_and_shows_times_in_wib(client, office, users, schedule_demo):
    _feed, raw = services.calendar_feed_create(actor=users["koordinator"], office=office)
    cal = _parse(client.get(f"/jadwal/kalender/{raw}.ics"))
    events = {str(e["summary"]): e for e in cal.walk("VEVENT")}
    rehearsal = events["Gladi bersih pendaftaran pasangan calon"]
    start = rehearsal.decoded("dtstart")
    assert start == datetime(2024, 8, 26, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    assert rehearsal["dtstart"].params["TZID"] == "Asia/Jakarta"
    assert [tz["tzid"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Jakarta"]
    assert "Rapat Pokja pendaftaran dan penetapan pasangan calon" in events  # office feed
    assert any("Masa tenang" in s and "belum pasti" in s for s in events)


def test_organisation_feed_hides_internal_meetings_and_other_parties(
    client, office, users, schedule_demo
):
    _feed, raw = services.calendar_feed_create(
        actor=users["lo-partai-a"], office=office, organisation=users["lo-partai-a"].organisation
    )
    cal = _parse(client.get(f"/jadwal/kalender/{raw}.ics"))
    summaries = [str(e["summary"]) for e in cal.walk("VEVENT")]
    assert not any("Pokja" in s for s in summaries)
    assert any("PDI Perjuangan" in s for s in summaries)
    assert not any("Gerindra" in s for s in summaries)


def test_revoked_address_stops_working(client, office, users):
    feed, raw = services.calendar_feed_create(actor=users["koordinator"], office=office)
    assert client.get(f"/jadwal/kalender/{raw}.ics").status_code == 200
    services.calendar_feed_revoke(actor=users["koordinator"], feed=feed)
    assert client.get(f"/jadwal/kalender/{raw}.ics").status_code == 404
    assert CalendarFeed.objects.get(pk=feed.pk).digest != raw  # only the digest is stored


def test_a_deactivated_makers_address_stops_working(client, office, users):
    _feed, raw = services.calendar_feed_create(actor=users["petugas1"], office=office)
    assert client.get(f"/jadwal/kalender/{raw}.ics").status_code == 200
    users["petugas1"].is_active = False
    users["petugas1"].save()
    assert client.get(f"/jadwal/kalender/{raw}.ics").status_code == 404


def test_an_operator_who_left_the_party_no_longer_reads_its_feed(client, office, users):
    operator = users["lo-partai-a"]
    _feed, raw = services.calendar_feed_create(
        actor=operator, office=office, organisation=operator.organisation
    )
    operator.organisation = users["lo-partai-b"].organisation
    operator.save()
    assert client.get(f"/jadwal/kalender/{raw}.ics").status_code == 404


def test_operator_cannot_create_another_organisations_feed(office, users):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.calendar_feed_create(
            actor=users["lo-partai-a"],
            office=office,
            organisation=users["lo-partai-b"].organisation,
        )
