"""The demo's network of offices at work: questions asked at KPU Kabupaten Belitung (19.02)
in August 2024 that were escalated to KPU Provinsi Kepulauan Bangka Belitung (19), forwarded
to KPU Kabupaten Belitung Timur (19.06), or handed back down by the province with guidance.

The data lives in ``data/demo_network.json``. Every ticket and every step goes through the
services (so the hops, their audit events and the receiving offices' notifications are those
of real use), keyed by a stable idempotency key, so loading twice changes nothing. The
questions and replies send no mail to their requesters, as in the rest of the demo; the hops
queue their notification to the receiving office's staff. A ticket whose office or officer
the demo does not hold is skipped.
"""

import json
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.db import transaction

from mejabantu.accounts.models import Organisation, User
from mejabantu.helpdesk import services
from mejabantu.helpdesk.models import Ticket
from mejabantu.mail.services import mail_silenced
from mejabantu.offices.models import Office

DATA = Path(__file__).resolve().parent / "data" / "demo_network.json"
NS = uuid.UUID("3d8e51c0-2b7a-4f6e-8c14-95a0d7e6b2f3")
WIB = ZoneInfo("Asia/Jakarta")


def key(slug: str) -> uuid.UUID:
    """The idempotency key of the demo ticket ``slug`` (tests find the tickets by it)."""
    return uuid.uuid5(NS, slug)


def load() -> None:
    """Create the demo's escalated, forwarded and returned tickets (idempotent)."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    for row in data["tickets"]:
        office = Office.objects.filter(code=row["office"]).first()
        if office is None or Ticket.objects.filter(idempotency_key=key(row["slug"])).exists():
            continue
        usernames = {row["officer"]} | {step["by"] for step in row["steps"]}
        staff = {u.username: u for u in User.objects.filter(username__in=usernames)}
        if usernames - set(staff):
            continue  # a desk this demo does not hold (yet)
        with transaction.atomic():  # a ticket with all its steps, or none of it
            _ticket_load(row, office=office, staff=staff)


def _ticket_load(row: dict, *, office: Office, staff: dict[str, User]) -> None:
    received = datetime.fromisoformat(row["received_at"]).replace(tzinfo=WIB)
    org = Organisation.objects.filter(code=row["organisation"]).first()
    extra = {"organisation": org} if org else {"requester_name": row["requester"]}
    with mail_silenced():
        ticket, _created = services.ticket_create(
            actor=staff[row["officer"]],
            office=office,
            subject=row["subject"],
            body=row["question"],
            category=row["category"],
            channel=row["channel"],
            received_at=received,
            idempotency_key=key(row["slug"]),
            max_backdate=None,
            **extra,
        )
    operator = User.objects.filter(role=User.Role.OPERATOR, organisation=org).first()
    if org is not None and operator is not None:  # asked by the party's operator on the web
        Ticket.objects.filter(pk=ticket.pk).update(requester=operator, created_by=None)
    for step in row["steps"]:
        ticket.refresh_from_db()
        at = received + timedelta(minutes=step["after_minutes"])
        _step(ticket, step, actor=staff[step["by"]], at=at)


def _step(ticket: Ticket, step: dict, *, actor: User, at: datetime) -> None:
    """One thing an officer did to the ticket, through the service that does it."""
    kind = step["do"]
    if kind in ("escalate", "forward"):
        hop = services.ticket_escalate if kind == "escalate" else services.ticket_forward
        to_office = Office.objects.get(code=step["to"])
        hop(ticket=ticket, to_office=to_office, reason=step["reason"], actor=actor, at=at)
    elif kind == "return":
        services.ticket_return(ticket=ticket, guidance=step["guidance"], actor=actor, at=at)
    elif kind in ("assign", "status", "note", "reply"):
        with mail_silenced():  # the requester got no mail of the demo's history
            _desk_step(ticket, step, actor=actor, at=at)
    else:
        raise ValueError(f"unknown demo step {kind!r}")


def _desk_step(ticket: Ticket, step: dict, *, actor: User, at: datetime) -> None:
    kind = step["do"]
    if kind == "assign":
        services.ticket_update(
            ticket=ticket, actor=actor, expected_version=None, assignee=actor, at=at
        )
    elif kind == "status":
        services.ticket_update(
            ticket=ticket, actor=actor, expected_version=None, status=step["status"], at=at
        )
    else:
        services.message_add(
            ticket=ticket, actor=actor, body=step["text"], internal=kind == "note", at=at
        )
