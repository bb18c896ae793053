"""Handing a ticket on through the network of offices: escalate it to an office above,
forward it to the competent office anywhere, or return it to the office where it was asked.

It stays one ticket and one thread for its requester: only the handling office changes. Each
hop is a TicketHop and an audit event, leaves the ticket unassigned (the receiving office picks
its officer), restarts its SLA clocks in the receiving office's working time, moves the cached
pages of both offices, and mails the receiving office's staff
(docs/decisions/escalation-and-forwarding.md).
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mejabantu.accounts import access
from mejabantu.accounts.models import User
from mejabantu.helpdesk.models import Message, Status, Ticket, TicketHop
from mejabantu.helpdesk.services import notify, sla
from mejabantu.helpdesk.services.audit import audit
from mejabantu.helpdesk.services.errors import HelpdeskError, PermissionDenied
from mejabantu.offices.models import Office

ACTIONS: dict[str, str] = {
    TicketHop.Kind.ESCALATE: "escalated",
    TicketHop.Kind.FORWARD: "forwarded",
    TicketHop.Kind.RETURN: "returned",
}


def ticket_escalate(
    *, ticket: Ticket, to_office: Office, reason: str, actor: User, at: datetime | None = None
) -> Ticket:
    """Escalate the ticket to an office above the one handling it (kabupaten/kota →
    provinsi → RI), with the reason."""
    return _hop(ticket, to_office, reason, actor, TicketHop.Kind.ESCALATE, at)


def ticket_forward(
    *, ticket: Ticket, to_office: Office, reason: str, actor: User, at: datetime | None = None
) -> Ticket:
    """Forward the ticket to the competent office, anywhere in the network, with the reason
    (LAPOR!'s "no wrong door": a question sent to the wrong office goes to the right one)."""
    return _hop(ticket, to_office, reason, actor, TicketHop.Kind.FORWARD, at)


def ticket_hand_on(*, ticket: Ticket, to_office: Office, reason: str, actor: User) -> Ticket:
    """Escalate the ticket if ``to_office`` is above the office handling it, else forward it
    (the pages' and the API's one form: ``{"to": <office code>, "reason"}``)."""
    above = {o.pk for o in ticket.handling_office.ancestors()}
    hop = ticket_escalate if to_office.pk in above else ticket_forward
    return hop(ticket=ticket, to_office=to_office, reason=reason, actor=actor)


def ticket_return(
    *, ticket: Ticket, guidance: str, actor: User, at: datetime | None = None
) -> Ticket:
    """Hand the ticket back to the office where it was asked, with guidance for its officers.

    The guidance is posted as an internal note: the asking office answers its requester in
    its own words (and may quote it). ``at`` backdates the hop (imports and the demo)."""
    return _hop(ticket, None, guidance, actor, TicketHop.Kind.RETURN, at)


@transaction.atomic
def _hop(
    ticket: Ticket,
    to_office: Office | None,
    reason: str,
    actor: User,
    kind: str,
    at: datetime | None = None,
) -> Ticket:
    current = (
        Ticket.objects.select_for_update(of=("self",))
        .select_related("office", "handling_office", "assignee")
        .get(pk=ticket.pk)
    )
    if not access.handles_ticket(actor, current):
        raise PermissionDenied
    reason = (reason or "").strip()
    from_office = current.handling_office
    if kind == TicketHop.Kind.RETURN:
        to_office = current.office
    assert to_office is not None
    _check(current, to_office, reason, kind)
    now = at or timezone.now()
    if kind == TicketHop.Kind.RETURN:  # the guidance, for the asking office's officers
        Message.objects.create(
            ticket=current,
            author=actor,
            author_name=str(actor),
            internal=True,
            body=reason,
            created_at=now,
        )
        current.message_count += 1
    hop = TicketHop.objects.create(
        ticket=current,
        from_office=from_office,
        to_office=to_office,
        kind=kind,
        reason=reason,
        actor=actor,
        actor_name=str(actor),
        created_at=now,
    )
    changes = {"handling_office": [from_office, to_office], "reason": [None, reason]}
    if current.assignee_id:
        changes["assignee"] = [current.assignee, None]
    current.handling_office = to_office
    current.assignee = None
    current.version += 1
    current.updated_at = now
    current.save()  # moves the ticket's page and the lists of its two offices now
    Office.bump("tickets_version", pk=from_office.pk)  # the lists of the office it left
    audit(ticket=current, actor=actor, action=ACTIONS[kind], changes=changes, at=now)
    sla.ticket_sla_refresh(current, at)  # the receiving office's clocks, from now
    notify.handed_on(ticket=current, hop=hop)
    return current


def _check(ticket: Ticket, to_office: Office, reason: str, kind: str) -> None:
    """Refuse, with what to do instead, a hop that cannot be made."""
    if ticket.merged_into_id:
        raise HelpdeskError(
            _("This ticket was merged into %(ref)s; hand that one on instead.")
            % {"ref": ticket.merged_into.reference}
        )
    if ticket.status == Status.CLOSED:
        raise HelpdeskError(
            _("A closed ticket cannot be handed on. Reopen it first if it still needs an answer.")
        )
    if not reason:
        if kind == TicketHop.Kind.RETURN:
            raise HelpdeskError(_("Write the guidance for the office where it was asked."))
        raise HelpdeskError(
            _("Write the reason: the receiving office reads it before the question.")
        )
    if to_office.pk == ticket.handling_office_id:
        if kind == TicketHop.Kind.RETURN:
            raise HelpdeskError(
                _("This ticket is handled where it was asked already; there is nothing to return.")
            )
        raise HelpdeskError(
            _("%(office)s handles this ticket already. Choose another office.")
            % {"office": to_office}
        )
    if kind == TicketHop.Kind.ESCALATE:
        above = ticket.handling_office.ancestors()
        if to_office.pk not in {o.pk for o in above}:
            names = ", ".join(str(o) for o in above) or _("none")
            raise HelpdeskError(
                _(
                    "A ticket is escalated only to an office above %(office)s (%(above)s). "
                    "To send it to %(to)s, forward it."
                )
                % {"office": ticket.handling_office, "above": names, "to": to_office}
            )


def escalation_targets(office: Office) -> list[Office]:
    """The offices a ticket handled by ``office`` may be escalated to, nearest first."""
    return office.ancestors()
