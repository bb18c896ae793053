"""Who is told what, in Indonesian: the requester on replies and status changes, officers
on assignment and on requester replies."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from mejabantu.accounts.models import User
from mejabantu.helpdesk.models import Ticket
from mejabantu.helpdesk.services.mail import mail_queue


def _site() -> str:
    return getattr(settings, "MEJABANTU_SITE_URL", "http://127.0.0.1:8000").rstrip("/")


def _render(template: str, context: dict) -> tuple[str, str]:
    with translation.override(settings.LANGUAGE_CODE):
        text = render_to_string(f"helpdesk/mail/{template}.txt", {"site": _site(), **context})
    subject, _sep, body = text.strip().partition("\n")
    return subject.strip(), body.strip() + "\n"


def requester_link(ticket: Ticket) -> str:
    """The link the requester follows: the ticket page, or the secret link for the public."""
    if ticket.organisation_id is None and ticket.public_token_digest:
        from mejabantu.helpdesk.services.tickets import public_token_for

        token = public_token_for(ticket.idempotency_key)
        return _site() + reverse("helpdesk:public_thread", kwargs={"token": token})
    return _site() + ticket.get_absolute_url()


def _requester_address(ticket: Ticket) -> str:
    if ticket.requester_id and ticket.requester and ticket.requester.email:
        return ticket.requester.email
    return ticket.requester_email


def created(*, ticket: Ticket) -> None:
    subject, body = _render("created", {"ticket": ticket, "link": requester_link(ticket)})
    mail_queue(to=_requester_address(ticket), subject=subject, body=body, ticket=ticket)


def assigned(*, ticket: Ticket, assignee: User, by: User | None) -> None:
    subject, body = _render(
        "assigned", {"ticket": ticket, "by": by, "link": _site() + ticket.get_absolute_url()}
    )
    mail_queue(to=assignee.email, subject=subject, body=body, ticket=ticket)


def status_changed(*, ticket: Ticket, before: str) -> None:
    subject, body = _render("status", {"ticket": ticket, "link": requester_link(ticket)})
    mail_queue(to=_requester_address(ticket), subject=subject, body=body, ticket=ticket)


def public_reply(*, ticket: Ticket, message) -> None:
    subject, body = _render(
        "reply", {"ticket": ticket, "message": message, "link": requester_link(ticket)}
    )
    mail_queue(to=_requester_address(ticket), subject=subject, body=body, ticket=ticket)


def requester_replied(*, ticket: Ticket, message) -> None:
    if ticket.assignee_id:
        recipients = [ticket.assignee]
    else:
        recipients = list(
            User.objects.filter(
                office=ticket.office_id,
                is_active=True,
                role__in=[User.Role.OFFICER, User.Role.COORDINATOR],
            )
        )
    subject, body = _render(
        "requester_reply",
        {"ticket": ticket, "message": message, "link": _site() + ticket.get_absolute_url()},
    )
    for user in recipients:
        mail_queue(to=user.email, subject=subject, body=body, ticket=ticket)
