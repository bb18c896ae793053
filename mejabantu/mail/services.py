"""The mail outbox (any app may queue here): notifications are written with the change, sent by the worker.

A notification is a row written in the same transaction as the change it reports, so it is
never lost; the worker sends it after the commit and retries failures with back-off, so a
broken mail server never blocks or loses a ticket.

The outbox is the queue: every round the worker sends what is due (``mail_send_due``), so a
change writes one row per mail and no task row beside it (one insert less in every write
transaction that notifies; on SQLite those transactions run one at a time). Only when tasks
run elsewhere than in this database (another django-tasks backend) is a delivery task queued
after the commit.
"""

import logging
import socket
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta
from email.utils import make_msgid, parseaddr
from smtplib import SMTPConnectError, SMTPServerDisconnected

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template import engines
from django.utils import timezone
from django_tasks import task

from mejabantu.mail.models import IncomingMail, OutgoingMail

logger = logging.getLogger("mejabantu.mail")
MAX_ATTEMPTS = 8
STALE_CLAIM = timedelta(minutes=10)
_silenced: ContextVar[bool] = ContextVar("mail_silenced", default=False)


@contextmanager
def mail_silenced():
    """Queue no mail inside this block (demo data and historical imports)."""
    token = _silenced.set(True)
    try:
        yield
    finally:
        _silenced.reset(token)


def mail_queue(
    *,
    to: str,
    subject: str,
    body: str,
    topic: str = "",
    dedupe_key: str | None = None,
    reply_to: str = "",
    automatic: bool = True,
) -> OutgoingMail | None:
    """Write a mail to the outbox and send it from the worker after the commit.

    ``topic`` names what the mail is about ("ticket:42"): mails of one topic form one thread
    in the reader's mail program, and a reply to any of them comes back to that topic.
    ``dedupe_key`` makes a second queueing of the same mail a no-op. ``reply_to`` is where
    answers go (the office's mailbox); ``automatic`` marks a mail no person wrote (RFC 3834),
    so that out-of-office programs do not answer it.
    """
    if not to or _silenced.get():
        return None
    if dedupe_key and OutgoingMail.objects.filter(dedupe_key=dedupe_key).exists():
        return None
    mail = OutgoingMail.objects.create(
        to=to,
        subject=subject[:250],
        body=body,
        topic=topic,
        dedupe_key=dedupe_key,
        message_id=make_msgid(domain=_domain())[1:-1],
        reply_to=reply_to,
        automatic=automatic,
    )
    if not _tasks_in_this_database():  # else the worker's next round finds the row
        transaction.on_commit(lambda: _enqueue(mail.pk))
    return mail


def _domain() -> str:
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    return address.rpartition("@")[2] or "mejabantu.localhost"


def thread_ids(topic: str, before: OutgoingMail | None = None) -> list[str]:
    """The Message-IDs of a topic's thread, oldest first: the mails sent about it and those
    received into it (at most the last 20, as mail programs keep References short)."""
    if not topic:
        return []
    sent = OutgoingMail.objects.filter(topic=topic).exclude(message_id="")
    if before is not None:
        sent = sent.filter(created_at__lte=before.created_at).exclude(pk=before.pk)
    received = IncomingMail.objects.filter(topic=topic)
    if before is not None:
        received = received.filter(received_at__lte=before.created_at)
    dated = list(sent.values_list("created_at", "message_id")[:200]) + list(
        received.values_list("received_at", "message_id")[:200]
    )
    return [message_id for _at, message_id in sorted(dated)][-20:]


def headers_of(mail: OutgoingMail) -> dict[str, str]:
    """The headers that thread a mail and keep machines from answering it."""
    headers = {}
    if mail.message_id:
        headers["Message-ID"] = f"<{mail.message_id}>"
    earlier = thread_ids(mail.topic, before=mail)
    if earlier:
        headers["In-Reply-To"] = f"<{earlier[-1]}>"
        headers["References"] = " ".join(f"<{i}>" for i in earlier)
    if mail.reply_to:
        headers["Reply-To"] = mail.reply_to
    if mail.automatic:
        headers["Auto-Submitted"] = "auto-generated"
        headers["X-Auto-Response-Suppress"] = "All"  # Outlook's out-of-office replies
    return headers


def render_text(template_name: str, context: dict) -> str:
    """A plain-text template rendered without HTML escaping: "&" or "<" read as written."""
    return str(engines["text"].get_template(template_name).render(context))


def mail_render(template_name: str, context: dict) -> tuple[str, str]:
    """(subject, body) of a plain-text mail template whose first line is the subject."""
    text = render_text(template_name, context)
    subject, _sep, body = text.strip().partition("\n")
    return subject.strip(), body.strip() + "\n"


def _tasks_in_this_database() -> bool:
    from django.conf import settings

    return settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"


@task()
def deliver_mail(mail_id: int) -> bool:
    """Send one queued notification; failures are retried by the periodic mail sweep."""
    return mail_deliver(mail_id)


def _enqueue(mail_id: int) -> None:
    try:
        deliver_mail.enqueue(mail_id)
    except Exception:  # the periodic sweep picks it up
        logger.exception("could not enqueue mail %s", mail_id)


def _claim(mail_id: int) -> OutgoingMail | None:
    now = timezone.now()
    claimed = OutgoingMail.objects.filter(
        pk=mail_id, state=OutgoingMail.State.PENDING, next_attempt_at__lte=now
    ).update(state=OutgoingMail.State.SENDING, claimed_at=now)
    return OutgoingMail.objects.get(pk=mail_id) if claimed else None


def mail_deliver(mail_id: int) -> bool:
    """Send one pending mail; on failure schedule a retry. Safe with several workers."""
    return _deliver(mail_id) == SENT


SENT, FAILED, UNREACHABLE, SKIPPED = "sent", "failed", "unreachable", "skipped"
# the mail server cannot be reached at all (down, hanging, refusing): no use trying the
# other mails of the round; they wait for the next one, and the worker goes on with its jobs
SERVER_AWAY = (
    TimeoutError,
    ConnectionError,
    socket.gaierror,
    SMTPConnectError,
    SMTPServerDisconnected,
)


def _deliver(mail_id: int) -> str:
    mail = _claim(mail_id)
    if mail is None:
        return SKIPPED
    try:
        EmailMessage(
            subject=mail.subject, body=mail.body, to=[mail.to], headers=headers_of(mail)
        ).send()
    except Exception as exc:  # any SMTP or network failure: retry later
        attempts = mail.attempts + 1
        failed = attempts >= MAX_ATTEMPTS
        OutgoingMail.objects.filter(pk=mail.pk).update(
            state=OutgoingMail.State.FAILED if failed else OutgoingMail.State.PENDING,
            attempts=attempts,
            last_error=f"{type(exc).__name__}: {exc}"[:1000],
            next_attempt_at=timezone.now() + timedelta(seconds=min(3600, 30 * 2**attempts)),
        )
        logger.warning("mail %s to %s failed (attempt %s): %s", mail.pk, mail.to, attempts, exc)
        return UNREACHABLE if isinstance(exc, SERVER_AWAY) else FAILED
    OutgoingMail.objects.filter(pk=mail.pk).update(
        state=OutgoingMail.State.SENT,
        attempts=mail.attempts + 1,
        sent_at=timezone.now(),
        last_error="",
    )
    return SENT


def mail_send_due(batch: int = 200) -> int:
    """Send every mail due now: new ones and retries whose time came (the worker does, every
    round); return how many were sent."""
    sent = 0
    while True:
        due = list(
            OutgoingMail.objects.filter(
                state=OutgoingMail.State.PENDING, next_attempt_at__lte=timezone.now()
            ).values_list("pk", flat=True)[:batch]
        )
        # a failure is rescheduled and a mail claimed elsewhere is no longer pending: neither
        # comes back in the next batch
        for pk in due:
            outcome = _deliver(pk)
            if outcome == UNREACHABLE:
                return sent  # one timeout per round at most, not one per mail
            sent += outcome == SENT
        if len(due) < batch:
            return sent


def mail_sweep() -> int:
    """Release mails whose sender died while sending, then send what is due; return the count
    sent."""
    OutgoingMail.objects.filter(
        state=OutgoingMail.State.SENDING, claimed_at__lt=timezone.now() - STALE_CLAIM
    ).update(state=OutgoingMail.State.PENDING)
    return mail_send_due()
