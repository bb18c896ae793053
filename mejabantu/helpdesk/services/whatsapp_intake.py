"""Questions by WhatsApp: the worker takes in each webhook delivery the office's webhook
stored (mejabantu/whatsapp), as mail_intake does for mail.

- **Who asks**: a number that is a party operator's phone (of this office's parties) asks
  for that organisation; any other number asks as the public, with its WhatsApp profile
  name, and is sent the reference and the secret follow link.
- **Which ticket**: a message from a number with an open ticket it started by WhatsApp at
  this office joins that ticket as the requester's reply; otherwise it is a new question.
- **Nothing twice**: each message is recorded once per office by its id (wamid), in the same
  transaction as the ticket or reply it made; a delivery sent again changes nothing.
- **Files**: images and documents are fetched through the Graph API and pass the upload
  checks; a refused one is said in a WhatsApp reply and the question is kept without it.
"""

import json
import logging
import uuid
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mejabantu.accounts import access
from mejabantu.accounts.models import User
from mejabantu.core.uploads import check_upload
from mejabantu.helpdesk.choices import OPEN_STATUSES, Channel
from mejabantu.helpdesk.models import Ticket
from mejabantu.helpdesk.services import notify
from mejabantu.helpdesk.services.errors import HelpdeskError, PermissionDenied
from mejabantu.helpdesk.services.intake import ticket_create
from mejabantu.helpdesk.services.messages import message_add
from mejabantu.mail.services import render_text
from mejabantu.offices.models import Office
from mejabantu.whatsapp import graph
from mejabantu.whatsapp.models import IncomingMessage, WebhookEvent
from mejabantu.whatsapp.phones import normalise
from mejabantu.whatsapp.services import statuses_record, whatsapp_queue

logger = logging.getLogger("mejabantu.whatsapp")
DEFAULT_CATEGORY = "lainnya"
TAKEN = ("text", "image", "document")
MAX_ATTEMPTS = 8
STALE_CLAIM = timedelta(minutes=10)
Outcome = IncomingMessage.Outcome


def whatsapp_take_in_due(batch: int = 100) -> int:
    """Take in every stored webhook delivery that is due (the worker, every round); return
    how many were taken in. A delivery that fails for a passing reason (the Graph API away
    while fetching a file) is tried again with back-off, then marked failed."""
    WebhookEvent.objects.filter(
        state=WebhookEvent.State.WORKING, claimed_at__lt=timezone.now() - STALE_CLAIM
    ).update(state=WebhookEvent.State.PENDING)
    done = 0
    while True:
        due = list(
            WebhookEvent.objects.filter(
                state=WebhookEvent.State.PENDING, next_attempt_at__lte=timezone.now()
            ).values_list("pk", flat=True)[:batch]
        )
        for pk in due:
            done += _take_in(pk)
        if len(due) < batch:
            return done


def _take_in(pk: int) -> bool:
    now = timezone.now()
    if not WebhookEvent.objects.filter(pk=pk, state=WebhookEvent.State.PENDING).update(
        state=WebhookEvent.State.WORKING, claimed_at=now
    ):
        return False  # another worker has it
    event = WebhookEvent.objects.get(pk=pk)
    try:
        event_take_in(event)
    except (OperationalError, InterfaceError):
        WebhookEvent.objects.filter(pk=pk).update(state=WebhookEvent.State.PENDING)
        raise  # the database is away: the worker waits for it
    except Exception as exc:
        attempts = event.attempts + 1
        WebhookEvent.objects.filter(pk=pk).update(
            state=WebhookEvent.State.FAILED
            if attempts >= MAX_ATTEMPTS
            else WebhookEvent.State.PENDING,
            attempts=attempts,
            last_error=f"{type(exc).__name__}: {exc}"[:2000],
            next_attempt_at=now + timedelta(seconds=min(3600, 30 * 2**attempts)),
        )
        logger.warning("WhatsApp delivery %s not taken in (attempt %s): %s", pk, attempts, exc)
        return False
    WebhookEvent.objects.filter(pk=pk).update(state=WebhookEvent.State.DONE, last_error="")
    return True


def event_take_in(event: WebhookEvent) -> None:
    """Take in the messages and statuses of one delivery (Graph API webhook JSON)."""
    office = Office.objects.filter(code=event.account).first()
    if office is None:
        raise HelpdeskError(f"{event.account} is no office")
    data = json.loads(bytes(event.body))
    for entry in data.get("entry") or []:
        for change in entry.get("changes") or []:
            value = change.get("value") or {}
            names = {
                str(c.get("wa_id")): str((c.get("profile") or {}).get("name") or "")
                for c in value.get("contacts") or []
                if isinstance(c, dict)
            }
            for message in value.get("messages") or []:
                if isinstance(message, dict):
                    number = str(message.get("from") or "")
                    whatsapp_receive(office=office, message=message, name=names.get(number, ""))
            statuses_record(account=office.code, statuses=value.get("statuses") or [])


def _when(value: object) -> datetime:
    try:
        return datetime.fromtimestamp(int(str(value)), tz=UTC)
    except (TypeError, ValueError, OverflowError):
        return timezone.now()


def whatsapp_receive(*, office: Office, message: dict, name: str = "") -> IncomingMessage | None:
    """Take in one message of a delivery; the same message again returns its first record."""
    wamid = str(message.get("id") or "")[:200]
    if not wamid:
        return None
    known = IncomingMessage.objects.filter(account=office.code, wamid=wamid).first()
    if known is not None:
        return known
    kind = str(message.get("type") or "")[:20]
    record = IncomingMessage(
        account=office.code,
        wamid=wamid,
        sender=normalise(message.get("from"))[:20],
        profile_name=name[:150],
        kind=kind,
        sent_at=_when(message.get("timestamp")),
    )
    if kind in TAKEN:  # files are fetched before the transaction, not inside it
        text, accepted, refused = _content(office, message)
    try:
        with transaction.atomic():
            if kind in TAKEN:
                _handle(office, record, text, accepted, refused)
            else:
                record.outcome, record.note = Outcome.UNSUPPORTED, kind
            record.save()
    except IntegrityError:  # the same message, taken in meanwhile by another worker
        found = IncomingMessage.objects.filter(account=office.code, wamid=wamid).first()
        if found is not None:
            return found
        raise
    except (HelpdeskError, PermissionDenied, ValidationError) as exc:
        record.outcome = Outcome.REFUSED
        record.note = "; ".join(getattr(exc, "messages", [str(exc)]))[:2000]
        record.topic = ""
        record.save()
    return record


def _content(office: Office, message: dict) -> tuple[str, list, list[str]]:
    """(text, accepted files, refusals): a text's body, or a file with its caption."""
    kind = message["type"]
    part = message.get(kind) or {}
    if kind == "text":
        return str(part.get("body") or "").strip(), [], []
    caption = str(part.get("caption") or "").strip()
    mime = str(part.get("mime_type") or "")
    ending = {"image/jpeg": ".jpg", "image/png": ".png"}.get(mime, "")
    name = str(part.get("filename") or f"whatsapp-{kind}{ending}")[:200]
    text = caption or name
    limit = settings.MAX_UPLOAD_MB * 1024 * 1024
    try:
        media = graph.media_fetch(office.code, str(part.get("id") or ""), limit)
    except graph.GraphError as exc:
        if not exc.permanent and exc.status != 413:
            raise  # the API is away: the delivery is tried again
        if exc.status == 413:
            why = _(
                "The file %(name)s is larger than %(limit)s MB. Compress it or split it, "
                "then send it again."
            ) % {"name": name, "limit": settings.MAX_UPLOAD_MB}
        else:
            why = _("The file %(name)s could not be fetched from WhatsApp; send it again.") % {
                "name": name
            }
        return text, [], [why]
    upload = SimpleUploadedFile(name, media.content, media.mime_type)
    try:
        check_upload(upload)
    except ValidationError as exc:
        return text, [], list(exc.messages)
    upload.seek(0)
    return text, [upload], []


def _subject(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    if len(line) > 80:
        line = line[:80].rsplit(" ", 1)[0] + "…"
    return line or _("Question by WhatsApp")


def _handle(office: Office, record: IncomingMessage, text: str, accepted, refused) -> None:
    number = record.sender
    operator = _operator(office, number)
    body = text or _("(empty message)")
    ticket = _open_ticket(office, number)
    if ticket is not None:
        actor = operator if access.speaks_for(operator, ticket.organisation_id) else None
        message_add(
            ticket=ticket, actor=actor, body=body, uploads=accepted, via_public_link=actor is None
        )
        record.outcome = Outcome.REPLY
    else:
        ticket, _created = ticket_create(
            actor=operator,
            office=office,
            subject=_subject(text),
            body=body,
            category=DEFAULT_CATEGORY,
            requester_name=record.profile_name or f"+{number}",
            requester_phone=f"+{number}",
            idempotency_key=uuid.uuid5(uuid.NAMESPACE_URL, f"wa:{office.code}:{record.wamid}"),
            uploads=accepted,
            arrived_by=Channel.WHATSAPP,
        )
        record.outcome = Outcome.TICKET
        _tell(office, number, ticket, "created", {})
    record.topic = notify.mail_topic(ticket)
    if refused:
        record.note = "\n".join(refused)
        _tell(office, number, ticket, "refused", {"refused": refused})


def _operator(office: Office, number: str) -> User | None:
    """The party operator of one of this office's organisations whose phone this is."""
    if not number:
        return None
    candidates = (
        User.objects.filter(is_active=True, role=User.Role.OPERATOR, organisation__office=office)
        .exclude(phone="")
        .select_related("organisation")
    )
    for user in candidates:
        if normalise(user.phone) == number and access.is_operator_at(user, office):
            return user
    return None


def _open_ticket(office: Office, number: str) -> Ticket | None:
    """The newest open ticket this number started or joined by WhatsApp at this office."""
    topics = (
        IncomingMessage.objects.filter(account=office.code, sender=number)
        .exclude(topic="")
        .order_by("-sent_at")
        .values_list("topic", flat=True)[:20]
    )
    pks = {int(t.split(":", 1)[1]) for t in topics if t.startswith("ticket:")}
    here = Q(office=office) | Q(handling_office=office)
    for ticket in Ticket.objects.filter(here, pk__in=pks).order_by("-pk"):
        seen = set()
        while ticket.merged_into_id and ticket.pk not in seen:  # replies go where it merged
            seen.add(ticket.pk)
            ticket = Ticket.objects.get(pk=ticket.merged_into_id)
        if ticket.status in OPEN_STATUSES:
            return ticket
    return None


def _tell(office: Office, number: str, ticket: Ticket, template: str, context: dict) -> None:
    """A WhatsApp text to the sender (the window is open: they just wrote)."""
    with translation.override(settings.LANGUAGE_CODE):
        body = render_text(
            f"helpdesk/whatsapp/{template}.txt",
            {"ticket": ticket, "link": notify.requester_link(ticket), **context},
        ).strip()
    whatsapp_queue(account=office.code, to=number, body=body, topic=notify.mail_topic(ticket))
