"""Reading an incoming mail: who sent it, what it answers, its text and files, and whether a
machine sent it (an out-of-office reply, a bounce) so that nobody answers it.

Python's ``email`` package with the modern policy decodes the headers (encoded-word subjects)
and the bodies (quoted-printable, base64, any declared character set). An HTML-only mail
becomes plain text with inscriptis (no markup, no script survives). The quoted earlier mails
and signatures are cut from what is shown with mail-parser-reply, which knows the English
headers of Gmail, Outlook, Yahoo and Apple Mail; the Indonesian ones ("Pada ... menulis:",
"Dari: ... Dikirim: ...") are cut here. The whole mail is kept as received.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses, parseaddr

from inscriptis import get_text
from mailparser_reply import EmailReplyParser

MAX_ID = 250
AUTOMATIC_SENDERS = re.compile(r"^(mailer-daemon|postmaster|no-?reply|bounces?)([+@.-]|$)", re.I)
# Where the quoted earlier mail starts, as Indonesian mail programs write it
INDONESIAN_QUOTE = re.compile(
    # Gmail, Apple Mail: "Pada Sen, 2 Sep 2024 pukul 10.15 Nama <alamat> menulis:", which
    # Gmail wraps onto a second line when long
    r"^\s*(Pada\s[^\n]{4,200}(\n[^\n]{0,200})?\smenulis\s*:\s*$"
    r"|-{2,}\s*Pesan (asli|terusan)\s*-{2,}"  # "-----Pesan asli-----"
    r"|Dari\s*:.*\n\s*(Dikirim|Tanggal|Terkirim)\s*:)",  # Outlook: "Dari: ... / Dikirim: ..."
    re.IGNORECASE | re.MULTILINE,
)
SIGNATURE = re.compile(r"^-- ?$", re.MULTILINE)  # the standard signature separator


@dataclass
class Attachment:
    name: str
    content_type: str
    content: bytes


@dataclass
class Inbound:
    message_id: str
    sender: str  # the address, lower case
    sender_name: str
    subject: str
    text: str  # the whole text, as sent
    reply: str  # what the sender wrote this time, quoted mail and signature cut
    thread_ids: list[str] = field(default_factory=list)  # In-Reply-To, then References
    to: list[str] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    automatic: str = ""  # why a machine sent it ("" when a person did)


def parse(raw: bytes) -> Inbound:
    """Read a mail as received (RFC 5322 bytes)."""
    msg = BytesParser(policy=policy.default).parsebytes(raw)
    assert isinstance(msg, EmailMessage)
    name, address = parseaddr(str(msg.get("From", "")))
    text = _text(msg)
    return Inbound(
        message_id=_message_id(msg, raw),
        sender=address.strip().lower(),
        sender_name=name.strip(),
        subject=" ".join(str(msg.get("Subject", "")).split()),
        text=text,
        reply=reply_part(text),
        thread_ids=list(
            dict.fromkeys(_ids(msg.get("In-Reply-To")) + _ids(msg.get("References"))[::-1])
        ),
        to=[a.lower() for _n, a in getaddresses([str(v) for v in msg.get_all("To", [])]) if a],
        attachments=_attachments(msg),
        automatic=_automatic(msg, address),
    )


def _message_id(msg: EmailMessage, raw: bytes) -> str:
    found = _ids(msg.get("Message-ID"))
    if found:
        return found[0]
    # no Message-ID: the same bytes are the same mail (a fetch repeated after a crash)
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def _ids(value) -> list[str]:
    return [i[:MAX_ID] for i in re.findall(r"<([^<>\s]+)>", str(value or ""))]


def _automatic(msg: EmailMessage, address: str) -> str:
    """Why the mail was sent by a machine, or "" (RFC 3834 and what mail programs add)."""
    auto = str(msg.get("Auto-Submitted", "no")).strip().lower()
    if auto and auto != "no":
        return f"Auto-Submitted: {auto}"
    precedence = str(msg.get("Precedence", "")).strip().lower()
    if precedence in ("bulk", "junk", "list", "auto_reply"):
        return f"Precedence: {precedence}"
    for header in ("X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress-Reply"):
        if msg.get(header):
            return header
    if str(msg.get("X-Auto-Response-Suppress", "")).strip().lower() in ("all", "oof"):
        return "X-Auto-Response-Suppress"
    if msg.get("List-Id") or msg.get("List-Unsubscribe"):
        return "List-Id"
    if msg.get_content_type() == "multipart/report":
        return "delivery status notification"
    local = address.split("@", 1)[0]
    if not address or AUTOMATIC_SENDERS.match(local):
        return f"sender {address or '(none)'}"
    return_path = str(msg.get("Return-Path", "")).strip()
    if return_path == "<>":
        return "Return-Path: <>"
    return ""


def _text(msg: EmailMessage) -> str:
    """The plain text of the mail; an HTML-only mail as text without markup."""
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, UnicodeError):  # an unknown or lying character set
        content = _bytes(part).decode("utf-8", "replace")
    if part.get_content_type() == "text/html":
        content = get_text(content)
    lines = content.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def reply_part(text: str) -> str:
    """What the sender wrote above the mail they answer, without their signature."""
    found = INDONESIAN_QUOTE.search(text)
    if found:
        text = text[: found.start()]
    reply = EmailReplyParser(languages=["en"]).parse_reply(text) or text
    signature = SIGNATURE.search(reply)
    if signature:
        reply = reply[: signature.start()]
    lines = reply.strip().split("\n")
    while lines and lines[-1].lstrip().startswith(">"):  # a quote left at the end
        lines.pop()
    return "\n".join(lines).strip() or text.strip()


def _bytes(part) -> bytes:
    payload = part.get_payload(decode=True)  # bytes for a non-multipart part
    return payload if isinstance(payload, bytes) else b""


def _attachments(msg: EmailMessage) -> list[Attachment]:
    found = []
    for part in msg.iter_attachments():
        if part.is_multipart() or part.get_content_type() == "message/rfc822":
            continue
        name = part.get_filename() or ""
        content = _bytes(part)
        if not name and part.get_content_disposition() != "attachment":
            continue
        found.append(
            Attachment(
                name=(name or "lampiran").strip()[:200],
                content_type=part.get_content_type(),
                content=content,
            )
        )
    return found
