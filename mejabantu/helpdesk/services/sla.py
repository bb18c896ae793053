"""SLA clocks on tickets: stored due times, pauses while waiting, and the warning sweep.

The arithmetic is the offices app's (mejabantu.offices.sla, in working time); this module
feeds it a ticket's history and keeps the result on the ticket, so queues sort by due time
without computing anything. Clocks are recomputed when the ticket changes (status, priority,
category, first response); a later change of the office's hours therefore never moves the
due times of tickets already counted, until they change again.

A ticket handed on to another office (escalated, forwarded, returned: services.network) is
counted by the office handling it, from the hop on: in that office's working time, time zone
and SLA policies; its first response is the handling office's first public reply after the
hop (docs/decisions/escalation-and-forwarding.md).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q

from mejabantu.accounts.models import User
from mejabantu.helpdesk.models import OPEN_STATUSES, AuditEvent, SlaWarning, Status, Ticket
from mejabantu.helpdesk.selectors import office_lookups
from mejabantu.helpdesk.signals import ticket_changed
from mejabantu.offices import clock
from mejabantu.offices.hours import TicketClocks, ticket_clocks_for
from mejabantu.offices.models import Office, SlaPolicy
from mejabantu.offices.sla import Pause

PAUSING = {Status.WAITING: "waiting_requester"}
WAITING_GUIDANCE = "waiting_guidance"


def ticket_pauses(ticket: Ticket, events=None) -> list[Pause]:
    """Periods the ticket waited on the requester or for guidance (juknis), from its audit
    trail (read unless given): a guidance pause runs from the link until the release."""
    pauses: list[Pause] = []
    start = guidance_start = None
    if events is None:
        events = AuditEvent.objects.filter(ticket=ticket).only("changes", "created_at")
    for event in events:
        changes = event.changes or {}
        change = changes.get("status")
        if change:
            before, after = change
            if after in PAUSING and start is None:
                start = event.created_at
            elif before in PAUSING and start is not None:
                pauses.append(Pause(start=start, end=event.created_at, reason=PAUSING[before]))
                start = None
        guidance = changes.get("pending_guidance")
        if guidance:
            before, after = guidance
            if after and guidance_start is None:
                guidance_start = event.created_at
            elif not after and guidance_start is not None:
                pauses.append(
                    Pause(start=guidance_start, end=event.created_at, reason=WAITING_GUIDANCE)
                )
                guidance_start = None
    if start is not None:
        pauses.append(Pause(start=start, end=None, reason="waiting_requester"))
    if guidance_start is not None:
        pauses.append(Pause(start=guidance_start, end=None, reason=WAITING_GUIDANCE))
    return pauses


@dataclass(frozen=True)
class ClockInputs:
    """Everything a ticket's clocks are computed from but the time."""

    office: Office
    category_code: str
    priority: str
    received_at: datetime
    first_responded_at: datetime | None
    resolved_at: datetime | None
    pauses: tuple[Pause, ...]
    policies: tuple[SlaPolicy, ...]

    def clocks(self, now=None) -> TicketClocks | None:
        """The clocks at ``now`` (default: the clock's now); None when no SLA policy applies."""
        return ticket_clocks_for(
            self.office,
            category_code=self.category_code,
            priority=self.priority,
            received_at=self.received_at,
            now=now or clock.now(),
            first_responded_at=self.first_responded_at,
            resolved_at=self.resolved_at,
            pauses=self.pauses,
            policies=list(self.policies),
        )


HOP_ACTIONS = ("escalated", "forwarded", "returned")  # audit actions of services.network


def clock_inputs(ticket: Ticket, events=None, policies=None) -> ClockInputs:
    """What the ticket's clocks depend on; ``events``, its audit trail in order, and
    ``policies``, its handling office's SLA policies, if the caller has them already.

    The clocks run in the handling office's working time from the last hop (if any)."""
    if events is None:
        events = list(
            AuditEvent.objects.filter(ticket_id=ticket.pk)
            .only("action", "changes", "created_at")
            .order_by("created_at", "id")
        )
    started, first_response, resolved = (
        ticket.received_at,
        ticket.first_response_at,
        ticket.resolved_at,
    )
    hops = [e.created_at for e in events if e.action in HOP_ACTIONS]
    if hops:  # the handling office's own clocks, from the hop that brought the ticket
        started = max(hops[-1], ticket.received_at)
        replies = [e.created_at for e in events if e.action == "reply" and e.created_at >= started]
        first_response = replies[0] if replies else None
        resolved = resolved if resolved is not None and resolved >= started else None
    office = ticket.handling_office
    return ClockInputs(
        office=office,
        category_code=ticket.category.code,
        priority=ticket.priority,
        received_at=started,
        first_responded_at=first_response,
        resolved_at=resolved,
        pauses=tuple(ticket_pauses(ticket, events)),
        policies=tuple(office_lookups(office).sla_policies if policies is None else policies),
    )


def clocks_of(ticket: Ticket, now=None, events=None) -> TicketClocks | None:
    """The ticket's clocks now (None when its office has no SLA policy); ``events``, the
    ticket's audit trail in order, if the caller has it already."""
    return clock_inputs(ticket, events).clocks(now)


def queue_rank(ticket: Ticket, sla_due):
    """Where an open ticket stands in the queues: by due time, then by arrival."""
    if ticket.status not in OPEN_STATUSES:
        return None
    return sla_due or ticket.received_at + timedelta(days=36500)


def ticket_sla_refresh(ticket: Ticket, now=None, clocks=None) -> Ticket:
    """Recompute (unless given) and store the ticket's due times, state and next check."""
    fields = sla_fields(ticket, now, clocks)
    Ticket.objects.filter(pk=ticket.pk).update(**fields)
    ticket_changed(ticket.office_id, ticket.reference, ticket.handling_office_id)
    for key, value in fields.items():
        setattr(ticket, key, value)
    return ticket


def sla_fields(ticket: Ticket, now=None, clocks=None, events=None) -> dict:
    """The ticket's SLA fields now (due times, state, next check, queue rank), not saved."""
    now = now or clock.now()
    clocks = clocks if clocks is not None else clocks_of(ticket, now, events)
    fields = {
        "first_response_due": None,
        "resolution_due": None,
        "sla_due": None,
        "sla_state": "",
        "sla_elapsed_minutes": 0,
        "sla_next_check": None,
    }
    if clocks is not None:
        first, resolution = clocks.first_response, clocks.resolution
        pending = [c for c in (first, resolution) if c.state not in ("met",)]
        checks = [
            t for c in pending if c.state != "paused" for t in (c.warning_at, c.due) if t > now
        ]
        is_open = ticket.status in OPEN_STATUSES
        fields.update(
            first_response_due=first.due,
            resolution_due=resolution.due,
            sla_due=(first.due if first.state != "met" else resolution.due) if is_open else None,
            sla_state=first.state if first.state != "met" else resolution.state,
            sla_elapsed_minutes=int(resolution.elapsed_minutes),
            sla_next_check=min(checks) if checks and is_open else None,
        )
        if ticket.status in PAUSING or ticket.pending_guidance_id:
            # waiting (on the requester, or for guidance): the clocks stand still
            fields.update(sla_state="paused", sla_next_check=None)
        elif is_open and not checks and any(c.state in ("warning", "breached") for c in pending):
            fields["sla_next_check"] = now  # a threshold passed: let the sweep warn now
    fields["queue_rank"] = queue_rank(ticket, fields["sla_due"])
    return fields


def _recipients(ticket: Ticket) -> list[User]:
    people = list(
        User.objects.filter(
            office=ticket.handling_office_id, is_active=True, role=User.Role.COORDINATOR
        )
    )
    if ticket.assignee_id and ticket.assignee not in people:
        people.insert(0, ticket.assignee)
    return [p for p in people if p.email]


def sla_sweep(now=None) -> int:
    """Send one warning per clock and threshold that has passed; return how many were sent.

    Safe with several workers at once: the unique constraint on SlaWarning lets exactly one
    worker record (and mail) each warning.
    """
    from mejabantu.helpdesk.services import notify

    now = now or clock.now()
    due = (
        Ticket.objects.filter(status__in=OPEN_STATUSES)
        .filter(Q(sla_next_check__lte=now))
        .select_related("office", "handling_office", "category", "assignee")
    )
    sent = 0
    for ticket in due[:500]:
        clocks = clocks_of(ticket, now)
        if clocks is None:
            ticket_sla_refresh(ticket, now)
            continue
        ticket_sla_refresh(ticket, now, clocks)
        for name, c in (
            ("first_response", clocks.first_response),
            ("resolution", clocks.resolution),
        ):
            if c.state == "met" or c.state == "paused":
                continue
            reached = [t for t, at in (("warning", c.warning_at), ("breached", c.due)) if now >= at]
            for threshold in reached:
                # first seen already past due (the worker was off, or the ticket was logged
                # late): "past due" alone; "due soon" is recorded as passed, never sent
                passed_by = threshold == "warning" and "breached" in reached
                try:
                    with transaction.atomic():
                        SlaWarning.objects.create(ticket=ticket, clock=name, threshold=threshold)
                        if not passed_by:
                            notify.sla_warning(
                                ticket=ticket,
                                clock_name=name,
                                threshold=threshold,
                                clock=c,
                                recipients=_recipients(ticket),
                            )
                except IntegrityError:
                    continue  # another worker warned already
                sent += not passed_by
    return sent
