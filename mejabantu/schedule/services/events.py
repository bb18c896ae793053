"""Events (attendance, materials) and the secret iCalendar subscribe URLs."""

from __future__ import annotations

import secrets

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mejabantu.accounts.access import is_office_staff, speaks_for
from mejabantu.accounts.models import Organisation, User
from mejabantu.offices import clock
from mejabantu.offices.models import Office
from mejabantu.schedule.models import (
    Attendance,
    CalendarFeed,
    Event,
    EventMaterial,
)
from mejabantu.schedule.services.common import (
    ScheduleError,
)


@transaction.atomic
def attendance_record(
    *, actor: User, event: Event, name: str, organisation: Organisation | None = None
) -> Attendance:
    """Record a person arriving at an event's door."""
    if not is_office_staff(actor, event.office):
        raise PermissionDenied
    name = (name or "").strip()
    if not name:
        raise ScheduleError(_("Write the name of the person who arrived."))
    attendance, _created = Attendance.objects.get_or_create(
        event=event,
        organisation=organisation,
        name=name[:150],
        defaults={"recorded_by": actor, "arrived_at": clock.now()},
    )
    return attendance


def calendar_feed_create(
    *, actor: User, office: Office, organisation: Organisation | None = None
) -> tuple[CalendarFeed, str]:
    """Create a secret subscribe URL token; return (feed, raw token). Only the digest is kept."""
    if organisation is None:
        if not is_office_staff(actor, office):
            raise PermissionDenied
    elif not (
        is_office_staff(actor, office)
        or (getattr(actor, "is_operator", False) and actor.organisation_id == organisation.pk)
    ):
        raise PermissionDenied
    raw = secrets.token_urlsafe(32)
    feed = CalendarFeed.objects.create(
        office=office,
        organisation=organisation,
        digest=CalendarFeed.digest_of(raw),
        created_by=actor,
    )
    return feed, raw


def calendar_feed_revoke(*, actor: User, feed: CalendarFeed) -> CalendarFeed:
    """Revoke a subscribe URL: calendars using it stop updating."""
    if not (is_office_staff(actor, feed.office) or speaks_for(actor, feed.organisation_id)):
        raise PermissionDenied
    if feed.revoked_at is None:
        feed.revoked_at = timezone.now()
        feed.save(update_fields=["revoked_at"])
    return feed


def calendar_feed_by_token(raw: str) -> CalendarFeed | None:
    """The feed of a subscribe URL, while it is not revoked and whoever made it may still see
    what it shows: a deactivated officer's or a departed operator's links stop working."""
    if not raw:
        return None
    feed = (
        CalendarFeed.objects.select_related("office", "organisation", "created_by")
        .filter(digest=CalendarFeed.digest_of(raw), revoked_at__isnull=True)
        .first()
    )
    if feed is None or feed.created_by is None or not feed.created_by.is_active:
        return None
    maker = feed.created_by
    if is_office_staff(maker, feed.office):
        return feed
    if feed.organisation_id and speaks_for(maker, feed.organisation_id):
        return feed
    return None


def material_attach(*, actor: User, event: Event, title: str, upload) -> EventMaterial:
    """Attach a handout to an event; its type is checked from the content."""
    from mejabantu.core.uploads import check_upload

    if not is_office_staff(actor, event.office):
        raise PermissionDenied
    checked = check_upload(upload)
    title = (title or "").strip() or checked.name
    material = EventMaterial(event=event, title=title[:200])
    material.file.save(checked.name, checked.file, save=False)
    material.save()
    return material
