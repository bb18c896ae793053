"""The walk-in queue: numbers by service, calling the next, visits become tickets."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from mejabantu.accounts.access import is_office_staff
from mejabantu.accounts.models import Organisation, User
from mejabantu.offices import clock
from mejabantu.offices.models import Office
from mejabantu.schedule.models import (
    QueueNumber,
    QueueService,
)
from mejabantu.schedule.services.common import (
    PLACE_ATTEMPTS,
    ScheduleError,
)


def queue_issue(
    *,
    actor: User,
    office: Office,
    service: str,
    visitor_name: str = "",
    organisation: Organisation | None = None,
) -> QueueNumber:
    """Issue the next number of today's queue for a service (K-001, D-001 …)."""
    if not is_office_staff(actor, office):
        raise PermissionDenied
    if service not in QueueService.values:
        raise ScheduleError(_("Choose a service: consultation or document submission."))
    now = clock.now()
    day = now.astimezone(ZoneInfo(office.timezone)).date()
    for _attempt in range(PLACE_ATTEMPTS):
        try:
            with transaction.atomic():
                last = (
                    QueueNumber.objects.filter(office=office, day=day, service=service)
                    .order_by("-number")
                    .values_list("number", flat=True)
                    .first()
                )
                return QueueNumber.objects.create(
                    office=office,
                    service=service,
                    day=day,
                    number=(last or 0) + 1,
                    visitor_name=(visitor_name or "").strip()[:150],
                    organisation=organisation,
                    issued_at=now,
                )
        except IntegrityError:
            continue
    raise ScheduleError(_("The queue is busy; issue the number again."))


def queue_call_next(*, actor: User, office: Office, service: str, desk: str = "") -> QueueNumber:
    """Call the next waiting number of a service to the officer's desk."""
    if not is_office_staff(actor, office):
        raise PermissionDenied
    day = clock.now().astimezone(ZoneInfo(office.timezone)).date()
    for _attempt in range(PLACE_ATTEMPTS):
        with transaction.atomic():
            nxt = (
                QueueNumber.objects.filter(
                    office=office, day=day, service=service, status=QueueNumber.Status.WAITING
                )
                .order_by("number")
                .first()
            )
            if nxt is None:
                raise ScheduleError(_("Nobody is waiting for this service."))
            claimed = QueueNumber.objects.filter(
                pk=nxt.pk, status=QueueNumber.Status.WAITING
            ).update(
                status=QueueNumber.Status.CALLED,
                called_at=clock.now(),
                officer=actor,
                desk=(desk or str(actor))[:20],
            )
            if claimed:
                nxt.refresh_from_db()
                return nxt
    raise ScheduleError(_("The queue is busy; call again."))


def queue_serve(
    *, actor: User, number: QueueNumber, subject: str, body: str, category: str = "jadwal"
) -> QueueNumber:
    """Finish serving a visitor: the visit becomes a walk-in ticket with its real times."""
    from mejabantu.helpdesk.models import Channel
    from mejabantu.helpdesk.services import ticket_create

    if not is_office_staff(actor, number.office):
        raise PermissionDenied
    if number.status == QueueNumber.Status.SERVED:
        return number
    if number.status != QueueNumber.Status.CALLED:
        raise ScheduleError(_("Call this number before recording the visit."))
    if not (subject or "").strip() or not (body or "").strip():
        raise ScheduleError(_("Write the subject and what was asked and answered."))
    served_at = clock.now()
    tz = ZoneInfo(number.office.timezone)
    times = _(
        "Walk-in %(number)s: arrived %(arrived)s, called %(called)s, finished %(finished)s %(tz)s."
    ) % {
        "number": number.label,
        "arrived": number.issued_at.astimezone(tz).strftime("%H.%M"),
        "called": number.called_at.astimezone(tz).strftime("%H.%M") if number.called_at else "—",
        "finished": served_at.astimezone(tz).strftime("%H.%M"),
        "tz": number.office.timezone_label,
    }
    with transaction.atomic():
        ticket, _created = ticket_create(
            actor=actor,
            office=number.office,
            subject=subject,
            body=f"{(body or '').strip()}\n\n{times}",
            category=category,
            channel=Channel.DESK,
            organisation=number.organisation,
            requester_name=number.visitor_name
            or (number.organisation.name if number.organisation else "")
            or _("Walk-in visitor %(number)s") % {"number": number.label},
            received_at=number.issued_at,
            idempotency_key=_queue_key(number),
        )
        number.status = QueueNumber.Status.SERVED
        number.served_at = served_at
        number.ticket = ticket
        number.save(update_fields=["status", "served_at", "ticket"])
    return number


def _queue_key(number: QueueNumber):
    import uuid

    return uuid.uuid5(uuid.NAMESPACE_URL, f"mejabantu:queue:{number.pk}")


def queue_skip(*, actor: User, number: QueueNumber) -> QueueNumber:
    """Mark a called number that did not come to the desk."""
    if not is_office_staff(actor, number.office):
        raise PermissionDenied
    QueueNumber.objects.filter(pk=number.pk, status=QueueNumber.Status.CALLED).update(
        status=QueueNumber.Status.SKIPPED
    )
    number.refresh_from_db()
    return number
