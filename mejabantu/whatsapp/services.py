"""The WhatsApp outbox (any app may queue here) and the delivery statuses.

Like the mail outbox: a message to send is a row written in the same transaction as the
change it reports, sent by the worker after the commit (every round, ``whatsapp_send_due``)
and retried with back-off, so a Graph API that is down never blocks or loses a reply.

Whether it goes as text or as the approved template is decided when it is sent: text while
the recipient's last message to this office is under 24 hours old (WhatsApp's customer
service window), the template after (a retry that crosses the 24 hours goes as a template).
"""

import logging
from datetime import UTC, datetime, timedelta

from django.db import transaction
from django.utils import timezone

from mejabantu.whatsapp import graph
from mejabantu.whatsapp.models import IncomingMessage, OutgoingMessage, WebhookEvent

logger = logging.getLogger("mejabantu.whatsapp")
MAX_ATTEMPTS = 8
STALE_CLAIM = timedelta(minutes=10)
WINDOW = timedelta(hours=24)
DELIVERY_RANK = {"": 0, "sent": 1, "delivered": 2, "read": 3, "failed": 4}


def event_store(*, account: str, body: bytes) -> WebhookEvent:
    """Keep one webhook delivery for the worker (one insert: the webhook answers at once)."""
    return WebhookEvent.objects.create(account=account, body=body)


def whatsapp_queue(
    *, account: str, to: str, body: str, topic: str = "", template_params: list | None = None
) -> OutgoingMessage | None:
    """Write a message to the outbox; the worker sends it after the commit.

    ``template_params`` (the ticket's reference and link) let it go out as the approved
    template when the 24-hour window is closed; without them it can go only as text."""
    if not to or graph.account(account) is None:
        return None
    return OutgoingMessage.objects.create(
        account=account, to=to, body=body, topic=topic, template_params=template_params or []
    )


def window_open(account: str, number: str, at: datetime | None = None) -> bool:
    """Whether ``number`` wrote to the office under 24 hours ago (WhatsApp lets a business
    send free text only then)."""
    at = at or timezone.now()
    return IncomingMessage.objects.filter(
        account=account, sender=number, sent_at__gt=at - WINDOW
    ).exists()


def _claim(pk: int) -> OutgoingMessage | None:
    now = timezone.now()
    claimed = OutgoingMessage.objects.filter(
        pk=pk, state=OutgoingMessage.State.PENDING, next_attempt_at__lte=now
    ).update(state=OutgoingMessage.State.SENDING, claimed_at=now)
    return OutgoingMessage.objects.get(pk=pk) if claimed else None


def _deliver(pk: int) -> str:
    """Send one message; return "sent", "failed", "away" (the API cannot be reached) or
    "skipped" (claimed elsewhere)."""
    message = _claim(pk)
    if message is None:
        return "skipped"
    as_text = window_open(message.account, message.to)
    try:
        if as_text:
            payload = graph.text_payload(message.to, message.body)
        elif message.template_params:
            payload = graph.template_payload(message.to, message.template_params)
        else:
            raise graph.GraphError("the 24-hour window is closed and no template fits", status=400)
        wamid = graph.send(message.account, payload)
    except Exception as exc:  # the API, the network, a refusal: retried, or failed at last
        attempts = message.attempts + 1
        permanent = isinstance(exc, graph.GraphError) and exc.permanent
        failed = permanent or attempts >= MAX_ATTEMPTS
        OutgoingMessage.objects.filter(pk=pk).update(
            state=OutgoingMessage.State.FAILED if failed else OutgoingMessage.State.PENDING,
            attempts=attempts,
            last_error=f"{type(exc).__name__}: {exc}"[:1000],
            next_attempt_at=timezone.now() + timedelta(seconds=min(3600, 30 * 2**attempts)),
        )
        logger.warning("WhatsApp %s to %s failed (attempt %s): %s", pk, message.to, attempts, exc)
        return "failed" if isinstance(exc, graph.GraphError) else "away"
    OutgoingMessage.objects.filter(pk=pk).update(
        state=OutgoingMessage.State.SENT,
        sent_as="text" if as_text else "template",
        attempts=message.attempts + 1,
        sent_at=timezone.now(),
        wamid=wamid,
        last_error="",
    )
    return "sent"


def whatsapp_send_due(batch: int = 200) -> int:
    """Send every message due now (the worker, every round); return how many were sent."""
    sent = 0
    while True:
        due = list(
            OutgoingMessage.objects.filter(
                state=OutgoingMessage.State.PENDING, next_attempt_at__lte=timezone.now()
            ).values_list("pk", flat=True)[:batch]
        )
        for pk in due:
            outcome = _deliver(pk)
            if outcome == "away":
                return sent  # one timeout per round at most, not one per message
            sent += outcome == "sent"
        if len(due) < batch:
            return sent


def whatsapp_sweep() -> int:
    """Release messages whose sender died while sending, then send what is due."""
    OutgoingMessage.objects.filter(
        state=OutgoingMessage.State.SENDING, claimed_at__lt=timezone.now() - STALE_CLAIM
    ).update(state=OutgoingMessage.State.PENDING)
    return whatsapp_send_due()


def _when(value) -> datetime:
    try:
        return datetime.fromtimestamp(int(value), tz=UTC)
    except (TypeError, ValueError, OverflowError):
        return timezone.now()


@transaction.atomic
def statuses_record(*, account: str, statuses: list) -> int:
    """Record sent / delivered / read / failed on the messages we sent; return how many
    changed. Statuses may come out of order or twice: a message never goes back from read
    to delivered."""
    changed = 0
    for status in statuses:
        if not isinstance(status, dict):
            continue
        state = str(status.get("status", ""))
        if state not in DELIVERY_RANK:
            continue
        message = (
            OutgoingMessage.objects.select_for_update()
            .filter(account=account, wamid=str(status.get("id", "")))
            .first()
        )
        if message is None:
            continue
        at = _when(status.get("timestamp"))
        if state == "delivered" and message.delivered_at is None:
            message.delivered_at = at
        if state == "read":
            message.read_at = message.read_at or at
            message.delivered_at = message.delivered_at or at
        if state == "failed":
            errors = status.get("errors") or []
            message.last_error = str(errors)[:1000]
        if DELIVERY_RANK[state] > DELIVERY_RANK[message.delivery]:
            message.delivery = state
        message.save(update_fields=["delivery", "delivered_at", "read_at", "last_error"])
        changed += 1
    return changed
