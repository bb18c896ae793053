"""Questions by e-mail: a mail to an office's mailbox becomes a ticket, or joins the ticket it
answers.

- **Who asks**: a sender whose address is a party operator's (of this office's parties) asks
  for that organisation; anyone else asks as the public and gets the secret follow link.
- **Which ticket**: a reply names one of our mails in In-Reply-To or References; failing that,
  the subject's reference ("[BLT-2024-000042]") counts only when the sender is the ticket's
  requester; otherwise the mail is a new question.
- **What is ignored**: auto-replies and bounces (never answered, so two helpdesks never talk
  to each other for ever), the office's own address, officers (they answer in the product),
  and a sender beyond ``MAIL_SENDER_RATE`` mails an hour.
- **Nothing twice**: each mail is recorded once per mailbox by its Message-ID, in the same
  transaction as the ticket or reply it made; the ticket's idempotency key comes from the
  Message-ID too.
- **Files** pass the same checks as uploads; a refused one is named in a mail to the sender,
  and the question is taken in without it.
"""

from __future__ import annotations

import logging
import re
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mejabantu.accounts import access
from mejabantu.accounts.models import User
from mejabantu.core.uploads import MAX_FILES, check_upload
from mejabantu.helpdesk.models import Channel, Ticket
from mejabantu.helpdesk.services import notify
from mejabantu.helpdesk.services.errors import HelpdeskError, PermissionDenied
from mejabantu.helpdesk.services.intake import ticket_create
from mejabantu.helpdesk.services.messages import message_add
from mejabantu.mail.imap import fetch_new
from mejabantu.mail.inbound import Inbound, parse
from mejabantu.mail.models import IncomingMail, OutgoingMail
from mejabantu.mail.services import mail_queue, mail_render
from mejabantu.offices.models import Office

logger = logging.getLogger("mejabantu.mail")
REFERENCE = re.compile(r"\[([A-Z]{2,8}-\d{4}-\d{6})\]")
DEFAULT_CATEGORY = "lainnya"
Outcome = IncomingMail.Outcome


@dataclass
class Files:
    accepted: list[SimpleUploadedFile]
    refused: list[str]  # one sentence per refused file, saying why


def mail_receive(*, office: Office, raw: bytes) -> IncomingMail:
    """Take in one mail (RFC 5322 bytes) that reached the office's mailbox; return its record.

    The same mail again (a fetch repeated after a crash, the MTA retrying) returns the first
    record and changes nothing."""
    mail = parse(raw)
    known = IncomingMail.objects.filter(mailbox=office.code, message_id=mail.message_id).first()
    if known is not None:
        return known
    record = IncomingMail(
        mailbox=office.code,
        message_id=mail.message_id,
        sender=mail.sender[:254],
        subject=mail.subject[:250],
    )
    record.raw.save("mail.eml", ContentFile(raw), save=False)
    try:
        with transaction.atomic():
            _handle(office, mail, record)
            record.save()
    except IntegrityError:  # the same mail, taken in meanwhile by another process
        found = IncomingMail.objects.filter(mailbox=office.code, message_id=mail.message_id)
        if found.exists():
            return found.get()
        raise
    except DatabaseError:
        raise  # the database is away: the mail stays unread (or the MTA retries)
    except (HelpdeskError, PermissionDenied, ValidationError) as exc:
        _refused(record, "; ".join(getattr(exc, "messages", [str(exc)])))
    except Exception as exc:  # a mail this code cannot take: kept, shown, not retried for ever
        logger.exception("mail %s to %s could not be taken in", mail.message_id, office.code)
        _refused(record, f"{type(exc).__name__}: {exc}")
    return record


def _refused(record: IncomingMail, why: str) -> None:
    record.outcome, record.note, record.topic = Outcome.REFUSED, why[:2000], ""
    record.save()


def mail_fetch(office: Office, url: str) -> tuple[int, int]:
    """Take in every unread mail of one office's mailbox; return (taken in, left unread)."""
    return fetch_new(url, lambda raw: mail_receive(office=office, raw=raw))


def mail_fetch_all() -> int:
    """Read every configured mailbox (the worker's periodic job); return the mails taken in.

    A mailbox that cannot be reached is logged and tried again next time; the others are
    read all the same."""
    taken = 0
    for code, url in settings.MEJABANTU_MAILBOXES.items():
        office = Office.objects.filter(code=code).first()
        if office is None:
            logger.error("MEJABANTU_MAILBOXES names %s, which is no office", code)
            continue
        try:
            taken += mail_fetch(office, url)[0]
        except DatabaseError:
            raise
        except Exception as exc:  # IMAP, TLS, network: the next round tries again
            logger.warning("mailbox of %s could not be read: %s", code, exc)
    return taken


def _handle(office: Office, mail: Inbound, record: IncomingMail) -> None:
    ignored = _ignored(office, mail)
    if ignored:
        record.outcome, record.note = ignored
        return
    sender = _operator(office, mail.sender)
    ticket = _thread_ticket(office, mail, sender)
    files = _files(mail)
    if ticket is not None:
        message_add(
            ticket=ticket,
            actor=sender,
            body=mail.reply or mail.subject or _("(empty message)"),
            uploads=files.accepted,
            via_public_link=sender is None,
        )
        record.outcome = Outcome.REPLY
    else:
        ticket, _created = ticket_create(
            actor=sender,
            office=office,
            subject=mail.subject or _("(no subject)"),
            body=mail.reply or mail.text or mail.subject or _("(empty message)"),
            category=DEFAULT_CATEGORY,
            requester_name=mail.sender_name or mail.sender,
            requester_email=mail.sender,
            idempotency_key=uuid.uuid5(uuid.NAMESPACE_URL, f"mail:{office.code}:{mail.message_id}"),
            uploads=files.accepted,
            arrived_by=Channel.EMAIL,
        )
        record.outcome = Outcome.TICKET
    record.topic = notify.mail_topic(ticket)
    if files.refused:
        record.note = "\n".join(files.refused)
        _tell_refused(ticket, mail, files.refused)


def _ignored(office: Office, mail: Inbound) -> tuple[str, str] | None:
    """(outcome, why) for a mail nobody should answer, or None."""
    if mail.automatic:
        return Outcome.AUTOMATIC, mail.automatic
    own = {a.lower() for a in (office.email, settings.DEFAULT_FROM_EMAIL) if a}
    own |= {a.rpartition("<")[2].rstrip(">").lower() for a in own}
    if mail.sender in own:
        return Outcome.OWN, mail.sender
    if User.objects.filter(
        email__iexact=mail.sender,
        is_active=True,
        role__in=(User.Role.OFFICER, User.Role.COORDINATOR, User.Role.ADMIN),
    ).exists():
        return Outcome.REFUSED, _("Officers answer in Mejabantu, not by e-mail.")
    hour_ago = timezone.now() - timezone.timedelta(hours=1)
    recent = IncomingMail.objects.filter(
        mailbox=office.code, sender=mail.sender, received_at__gte=hour_ago
    ).count()
    if recent >= settings.MAIL_SENDER_RATE:
        return Outcome.LIMITED, f"{recent} mails in the last hour"
    return None


def _operator(office: Office, address: str) -> User | None:
    """The party operator of one of this office's organisations writing from this address."""
    if not address:
        return None
    return (
        User.objects.filter(
            email__iexact=address,
            is_active=True,
            role=User.Role.OPERATOR,
            organisation__office=office,
        )
        .select_related("organisation")
        .first()
    )


def _here(office: Office) -> Q:
    return Q(office=office) | Q(handling_office=office)


def _thread_ticket(office: Office, mail: Inbound, sender: User | None) -> Ticket | None:
    """The ticket this mail answers, or None for a new question."""
    ids = mail.thread_ids
    if ids:
        topics = list(
            OutgoingMail.objects.filter(message_id__in=ids)
            .exclude(topic="")
            .values_list("topic", flat=True)[:20]
        ) + list(
            IncomingMail.objects.filter(mailbox=office.code, message_id__in=ids)
            .exclude(topic="")
            .values_list("topic", flat=True)[:20]
        )
        pks = [int(t.split(":", 1)[1]) for t in topics if re.fullmatch(r"ticket:\d+", t)]
        ticket = Ticket.objects.filter(_here(office), pk__in=pks).order_by("-pk").first()
        if ticket is not None:
            return _current(ticket)
    found = REFERENCE.search(mail.subject)
    if found:
        ticket = Ticket.objects.filter(_here(office), reference=found.group(1)).first()
        if ticket is not None and _is_requester(ticket, mail.sender, sender):
            return _current(ticket)
    return None


def _current(ticket: Ticket) -> Ticket:
    """A merged ticket's replies go to the ticket it was merged into."""
    seen = set()
    while ticket.merged_into_id and ticket.pk not in seen:
        seen.add(ticket.pk)
        ticket = Ticket.objects.get(pk=ticket.merged_into_id)
    return ticket


def _is_requester(ticket: Ticket, address: str, sender: User | None) -> bool:
    if sender is not None:
        return access.speaks_for(sender, ticket.organisation_id)
    return ticket.organisation_id is None and ticket.requester_email.lower() == address


def _files(mail: Inbound) -> Files:
    accepted: list[SimpleUploadedFile] = []
    refused: list[str] = []
    for attachment in mail.attachments:
        upload = SimpleUploadedFile(attachment.name, attachment.content, attachment.content_type)
        if len(accepted) >= MAX_FILES:
            refused.append(
                _("%(name)s: at most %(n)s files are taken from one mail.")
                % {"name": attachment.name, "n": MAX_FILES}
            )
            continue
        try:
            check_upload(upload)
        except ValidationError as exc:
            refused.extend(exc.messages)
            continue
        upload.seek(0)
        accepted.append(upload)
    return Files(accepted, refused)


def _tell_refused(ticket: Ticket, mail: Inbound, refused: list[str]) -> None:
    """Tell the sender which files were not taken in, and why (an automatic mail)."""
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = mail_render(
            "helpdesk/mail/attachments_refused.txt",
            {"ticket": ticket, "refused": refused, "link": notify.requester_link(ticket)},
        )
    mail_queue(
        to=mail.sender,
        subject=subject,
        body=body,
        topic=notify.mail_topic(ticket),
        reply_to=notify.mailbox_address(ticket),
    )
