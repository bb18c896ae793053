"""The demo's guidance (juknis) item of KPU RI, August 2024, with tickets waiting for it in
KPU Kabupaten Belitung (19.02) and, where the demo has it, KPU Kabupaten Belitung Timur (19.06).

The data lives in ``data/demo_guidance.json``; everything goes through the services, keyed by
stable idempotency keys, so loading twice changes nothing. An office (or its officer) the
demo does not hold yet is skipped.
"""

import json
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings

from mejabantu.accounts.models import Organisation, User
from mejabantu.helpdesk import services
from mejabantu.helpdesk.models import Ticket
from mejabantu.helpdesk.services.guidance import ticket_guidance_link
from mejabantu.knowledge.models import PendingGuidance
from mejabantu.knowledge.services import pending_guidance_create
from mejabantu.mail.services import mail_silenced
from mejabantu.offices.models import Office

DATA = Path(__file__).resolve().parent / "data" / "demo_guidance.json"
NS = uuid.UUID("0b6f3d1e-8a40-4f43-9a1c-2f6a8e5c7d19")
WIB = ZoneInfo("Asia/Jakarta")


def load() -> None:
    """Create the demo guidance item and link its tickets (idempotent), sending no mail."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    with mail_silenced():
        for row in data["items"]:
            _item_load(row)


def _issuer(username: str, office: Office) -> User:
    """KPU RI's demo officer (made here if the accounts' demo has not made it yet)."""
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(username=username, first_name="Nur", last_name="Hasanah")
        user.set_password(settings.DEMO_PASSWORD)
        user.role, user.office = User.Role.OFFICER, office
        user.email = f"{username}@demo.mejabantu.example"
        user.is_demo_account = True
        user.save()
    return user


def _item_load(row: dict) -> None:
    office = Office.objects.filter(code=row["office"]).first()
    if office is None:
        return
    issuer = _issuer(row["opened_by"], office)
    opened = datetime.fromisoformat(row["opened_at"]).replace(tzinfo=WIB)
    item = PendingGuidance.objects.filter(title=row["title"], office=office).first()
    if item is None:
        item = pending_guidance_create(
            title=row["title"], description=row["description"], office=office, user=issuer
        )
        PendingGuidance.objects.filter(pk=item.pk).update(created_at=opened)
        item.refresh_from_db()
    for ticket_row in row["tickets"]:
        _ticket_load(ticket_row, item)


def _ticket_load(row: dict, item: PendingGuidance) -> None:
    office = Office.objects.filter(code=row["office"]).first()
    officer = User.objects.filter(username=row["officer"], office=office).first()
    if office is None or officer is None:
        return  # that office's desk is not in this demo (yet)
    key = uuid.uuid5(NS, row["slug"])
    if Ticket.objects.filter(idempotency_key=key).exists():
        return
    received = datetime.fromisoformat(row["received_at"]).replace(tzinfo=WIB)
    org = Organisation.objects.filter(code=row["organisation"]).first()
    extra = {"organisation": org} if org else {"requester_name": row["requester"]}
    ticket, _created = services.ticket_create(
        actor=officer,
        office=office,
        subject=row["subject"],
        body=row["question"],
        category=row["category"],
        channel=row["channel"],
        received_at=received,
        idempotency_key=key,
        max_backdate=None,
        **extra,
    )
    operator = User.objects.filter(role=User.Role.OPERATOR, organisation=org).first()
    if operator is not None:
        Ticket.objects.filter(pk=ticket.pk).update(requester=operator, created_by=None)
    ticket_guidance_link(
        ticket=ticket,
        item=item,
        actor=officer,
        at=received + timedelta(minutes=row["linked_after_minutes"]),
    )
