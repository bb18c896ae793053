"""Who is told what, in Indonesian: the requester on replies and status changes, officers
on assignment and on requester replies."""

import copy
import secrets
from collections.abc import Callable

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from mejabantu.accounts.models import User
from mejabantu.helpdesk.choices import Channel
from mejabantu.helpdesk.models import Ticket
from mejabantu.helpdesk.services.tokens import public_token_for
from mejabantu.mail.services import mail_queue, mail_render, render_text
from mejabantu.whatsapp.phones import normalise
from mejabantu.whatsapp.services import whatsapp_queue


def mail_topic(ticket: Ticket) -> str:
    """The outbox's name for a ticket's mails."""
    return f"ticket:{ticket.pk}"


def _site() -> str:
    return getattr(settings, "MEJABANTU_SITE_URL", "http://127.0.0.1:8000").rstrip("/")


def _render(template: str, context: dict) -> tuple[str, str]:
    with translation.override(settings.LANGUAGE_CODE):
        return mail_render(f"helpdesk/mail/{template}.txt", {"site": _site(), **context})


def requester_link(ticket: Ticket) -> str:
    """The link the requester follows: the ticket page, or the secret link for the public."""
    if ticket.organisation_id is None and ticket.public_token_digest:
        token = public_token_for(ticket.idempotency_key)
        return _site() + reverse("helpdesk:public_thread", kwargs={"token": token})
    return _site() + ticket.get_absolute_url()


def mailbox_address(ticket: Ticket) -> str:
    """Where a requester's answer by mail goes: the mailbox of the office where the question
    was asked, when it has one that Mejabantu reads (``MEJABANTU_MAILBOXES``)."""
    if ticket.office.code in settings.MEJABANTU_MAILBOXES and ticket.office.email:
        return ticket.office.email
    return ""


def _to_requester(ticket: Ticket, subject: str, body: str, *, automatic: bool = True) -> None:
    mail_queue(
        to=_requester_address(ticket),
        subject=subject,
        body=body,
        topic=mail_topic(ticket),
        reply_to=mailbox_address(ticket),
        automatic=automatic,
    )


def _requester_address(ticket: Ticket) -> str:
    if ticket.requester_id and ticket.requester and ticket.requester.email:
        return ticket.requester.email
    return ticket.requester_email


def created(*, ticket: Ticket) -> Callable[[], None]:
    """Render "your question was received" now, before the ticket has its reference; return
    what queues it, to call inside the write transaction once the reference is set.

    The reference is handed out under the write lock; rendering takes longer than queuing,
    so it is done before (on SQLite the write transactions of all workers run one at a time).
    A random mark stands for the reference in the text and the link until it is known.
    """
    known, mark = ticket.reference, f"REF{secrets.token_hex(8)}"
    ticket.reference = mark
    try:
        subject, body = _render("created", {"ticket": ticket, "link": requester_link(ticket)})
    finally:
        ticket.reference = known
    to = _requester_address(ticket)

    def queue() -> None:
        reference = ticket.reference
        mail_queue(
            to=to,
            subject=subject.replace(mark, reference),
            body=body.replace(mark, reference),
            topic=mail_topic(ticket),
            reply_to=mailbox_address(ticket),
        )

    return queue


def assigned(*, ticket: Ticket, assignee: User, by: User | None) -> None:
    subject, body = _render(
        "assigned", {"ticket": ticket, "by": by, "link": _site() + ticket.get_absolute_url()}
    )
    mail_queue(to=assignee.email, subject=subject, body=body, topic=mail_topic(ticket))


def status_changed(*, ticket: Ticket, before: str) -> None:
    subject, body = _render("status", {"ticket": ticket, "link": requester_link(ticket)})
    _to_requester(ticket, subject, body)


def public_reply(*, ticket: Ticket, message) -> None:
    link = requester_link(ticket)
    subject, body = _render("reply", {"ticket": ticket, "message": message, "link": link})
    _to_requester(ticket, subject, body, automatic=False)  # an officer wrote it
    whatsapp_reply(ticket=ticket, message=message, link=link)


def whatsapp_reply(*, ticket: Ticket, message, link: str) -> None:
    """An officer's reply on a question asked by WhatsApp goes back there too, from the
    number of the office where it was asked (text in the 24-hour window, else the approved
    template with the reference and the link: the outbox decides when it sends)."""
    if ticket.channel != Channel.WHATSAPP or not ticket.requester_phone:
        return
    with translation.override(settings.LANGUAGE_CODE):
        text = render_text(
            "helpdesk/whatsapp/reply.txt", {"ticket": ticket, "message": message, "link": link}
        ).strip()
    whatsapp_queue(
        account=ticket.office.code,
        to=normalise(ticket.requester_phone),
        body=text,
        topic=mail_topic(ticket),
        template_params=[ticket.reference, link],
    )


def public_replies(*, tickets: list[Ticket], message) -> None:
    """Tell each requester of ``tickets`` of the same reply (a guidance answer sent to every
    linked ticket: ``message`` is one of the identical replies). The mail is rendered once
    with stand-ins for the reference and the link, which are then put in per ticket: the
    reply template shows nothing else of the ticket."""
    if not tickets:
        return
    mark_ref, mark_link = f"REF{secrets.token_hex(8)}", f"LINK{secrets.token_hex(8)}"
    stand_in = copy.copy(tickets[0])
    stand_in.reference = mark_ref
    subject, body = _render("reply", {"ticket": stand_in, "message": message, "link": mark_link})
    for ticket in tickets:
        link = requester_link(ticket)
        _to_requester(
            ticket,
            subject.replace(mark_ref, ticket.reference),
            body.replace(mark_ref, ticket.reference).replace(mark_link, link),
            automatic=False,
        )
        whatsapp_reply(ticket=ticket, message=message, link=link)


def _office_staff(office_id: int) -> list[User]:
    return list(
        User.objects.filter(
            office=office_id,
            is_active=True,
            role__in=[User.Role.OFFICER, User.Role.COORDINATOR],
        ).order_by("pk")
    )


def requester_replied(*, ticket: Ticket, message) -> None:
    if ticket.assignee_id:
        recipients = [ticket.assignee]
    else:
        recipients = _office_staff(ticket.handling_office_id)
    subject, body = _render(
        "requester_reply",
        {"ticket": ticket, "message": message, "link": _site() + ticket.get_absolute_url()},
    )
    for user in recipients:
        mail_queue(to=user.email, subject=subject, body=body, topic=mail_topic(ticket))


def handed_on(*, ticket: Ticket, hop) -> None:
    """Tell the receiving office's staff that a ticket was escalated, forwarded or returned
    to them, with the reason."""
    subject, body = _render(
        "handed_on", {"ticket": ticket, "hop": hop, "link": _site() + ticket.get_absolute_url()}
    )
    for user in _office_staff(hop.to_office_id):
        mail_queue(
            to=user.email,
            subject=subject,
            body=body,
            topic=mail_topic(ticket),
            dedupe_key=f"hop:{hop.pk}:{user.pk}",
        )


def sla_warning(*, ticket: Ticket, clock_name: str, threshold: str, clock, recipients) -> None:
    subject, body = _render(
        "sla_warning",
        {
            "ticket": ticket,
            "clock_name": clock_name,
            "threshold": threshold,
            "clock": clock,
            "link": _site() + ticket.get_absolute_url(),
        },
    )
    for user in recipients:
        mail_queue(
            to=user.email,
            subject=subject,
            body=body,
            topic=mail_topic(ticket),
            dedupe_key=f"sla:{ticket.pk}:{clock_name}:{threshold}:{user.pk}",
        )
