"""About forty realistic demo tickets of KPU Kabupaten Belitung, August–September 2024.

The tickets, their replies, ratings and the canned answers live in ``data/demo_tickets.json``
(written for the demo in our own words). Every ticket goes through the services, keyed by a
stable idempotency key, so loading twice changes nothing.
"""

import json
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from mejabantu.accounts.models import Organisation, User
from mejabantu.helpdesk import services
from mejabantu.helpdesk.choices import LEGACY_VALUES
from mejabantu.helpdesk.defaults import ensure_default_categories
from mejabantu.helpdesk.models import CannedAnswer, Status, Ticket
from mejabantu.mail.services import mail_silenced
from mejabantu.offices.models import Office

DATA = Path(__file__).resolve().parent / "data" / "demo_tickets.json"
NS = uuid.UUID("6f1c2a52-5e1b-4c3e-9d0e-0b7c1f0e2a11")
REQUESTER = "R"  # a reply "by" this comes from the requester, not from staff


def load() -> None:
    """Create the demo tickets, replies and canned answers (idempotent), sending no mail."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    with mail_silenced():
        _load(data)


def _key(slug: str) -> uuid.UUID:
    return uuid.uuid5(NS, slug)


def _load(data: dict) -> None:
    ensure_default_categories()
    office = Office.objects.get(code=data["office"])
    zone = ZoneInfo(data["timezone"])
    users = {u.username: u for u in User.objects.filter(office=office)}
    users.update({u.username: u for u in User.objects.filter(role=User.Role.OPERATOR)})
    operators = {
        u.organisation.code: u
        for u in User.objects.filter(
            role=User.Role.OPERATOR, organisation__isnull=False
        ).select_related("organisation")
    }
    officer = users["petugas1"]
    for canned in data["canned_answers"]:
        if not CannedAnswer.objects.filter(office=office, title=canned["title"]).exists():
            services.canned_answer_create(
                office=office, actor=officer, title=canned["title"], body=canned["body"]
            )
    for row in data["tickets"]:
        if not Ticket.objects.filter(idempotency_key=_key(row["slug"])).exists():
            _ticket_load(row, office=office, zone=zone, users=users, operators=operators)
    for row in data["tickets"]:
        if "rating" in row:
            _rate(row["slug"], **row["rating"])
    for row in data["tickets"]:
        if "merge_into" in row:
            _merge(row["slug"], row["merge_into"], officer=officer)


def _ticket_load(
    row: dict, *, office: Office, zone: ZoneInfo, users: dict, operators: dict
) -> None:
    """One ticket as its requester asked it, then its assignment, replies and final status."""
    org_code, channel, who = row["organisation"], row["channel"], row["requester"]
    channel = LEGACY_VALUES["channel"].get(channel, channel)
    status = LEGACY_VALUES["status"].get(row["status"], row["status"])
    officer = users["petugas1"]
    received = datetime.fromisoformat(row["received_at"]).replace(tzinfo=zone)
    org = Organisation.objects.get(code=org_code) if org_code else None
    operator = operators.get(org_code) if org_code else None
    if channel == "web" and operator is not None:
        extra = {"organisation": org, "requester_name": str(operator)}
    elif channel == "web" and org is None:
        extra = {"requester_name": who, "requester_email": f"{who.split()[0].lower()}@contoh.id"}
    else:
        extra = {"organisation": org, "requester_name": who or org.name}
    ticket, _created = services.ticket_create(
        actor=officer,
        office=office,
        subject=row["subject"],
        body=row["question"],
        category=row["category"],
        channel="web" if channel == "silon" else channel,
        received_at=received,
        idempotency_key=_key(row["slug"]),
        max_backdate=None,
        **extra,
    )
    if channel == "web" and operator is not None:
        Ticket.objects.filter(pk=ticket.pk).update(requester=operator, created_by=None)
    assignee = row["assignee"]
    if assignee:
        services.ticket_update(
            ticket=ticket,
            actor=users[assignee],
            expected_version=None,
            assignee=users[assignee],
            at=received + timedelta(minutes=5),
        )
    for reply in row["replies"]:
        at = received + timedelta(minutes=reply["after_minutes"])
        if reply["by"] == REQUESTER:
            services.message_add(
                ticket=ticket,
                actor=operator,
                body=reply["text"],
                via_public_link=operator is None,
                at=at,
            )
        else:
            services.message_add(
                ticket=ticket,
                actor=users[reply["by"]],
                body=reply["text"],
                internal=reply["internal"],
                at=at,
            )
    last = row["replies"][-1]["after_minutes"] if row["replies"] else 30
    if status != Status.NEW:
        ticket.refresh_from_db()
        services.ticket_update(
            ticket=ticket,
            actor=users[assignee] if assignee else officer,
            expected_version=None,
            status=status,
            at=received + timedelta(minutes=last + 5),
        )


def _rate(slug: str, *, stars: int, comment: str) -> None:
    ticket = Ticket.objects.filter(idempotency_key=_key(slug)).first()
    if ticket is not None and ticket.rating is None and ticket.status == Status.RESOLVED:
        # rated the day after the answer, in August-September 2024 like the rest of the demo
        at = (ticket.resolved_at or ticket.updated_at) + timedelta(days=1)
        services.ticket_rate(ticket=ticket, rating=stars, comment=comment, at=at)


def _merge(slug: str, target_slug: str, *, officer: User) -> None:
    source = Ticket.objects.filter(idempotency_key=_key(slug)).first()
    target = Ticket.objects.filter(idempotency_key=_key(target_slug)).first()
    if source and target and source.merged_into_id is None:
        services.ticket_merge(source=source, target=target, actor=officer)
