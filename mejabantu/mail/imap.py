"""Fetching a mailbox over IMAP with TLS (IMAPClient), handing each new mail on, and marking
it read on the server only after it was handled: a fetch that stops midway (a crash, a lost
connection, the database away) leaves the rest unread for the next round, and a mail read
twice is recognised by its Message-ID (``IncomingMail`` is unique per mailbox).

A mailbox is named by a URL, ``imaps://user:password@host:993/INBOX`` (``imap://`` with
STARTTLS); the settings list one per office (``MEJABANTU_MAILBOXES``).
"""

from __future__ import annotations

import logging
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.conf import settings
from imapclient import IMAPClient

logger = logging.getLogger("mejabantu.mail")
SEEN = b"\\Seen"
BATCH = 100  # mails fetched per round trip


@dataclass(frozen=True)
class Mailbox:
    host: str
    port: int
    user: str
    password: str
    folder: str
    starttls: bool

    @classmethod
    def from_url(cls, url: str) -> Mailbox:
        parts = urlsplit(url)
        if parts.scheme not in ("imaps", "imap") or not parts.hostname:
            raise ValueError(f"not an IMAP address: {parts.scheme}://{parts.hostname or ''}")
        return cls(
            host=parts.hostname,
            port=parts.port or (993 if parts.scheme == "imaps" else 143),
            user=unquote(parts.username or ""),
            password=unquote(parts.password or ""),
            folder=unquote(parts.path.lstrip("/")) or "INBOX",
            starttls=parts.scheme == "imap",
        )


def _context() -> ssl.SSLContext:
    return ssl.create_default_context(cafile=getattr(settings, "IMAP_CA_FILE", None) or None)


def connect(box: Mailbox) -> IMAPClient:
    """A signed-in connection; TLS always (an IMAP server without it is refused)."""
    timeout = getattr(settings, "IMAP_TIMEOUT", 30)
    client = IMAPClient(
        box.host, port=box.port, ssl=not box.starttls, ssl_context=_context(), timeout=timeout
    )
    if box.starttls:
        client.starttls(_context())
    client.login(box.user, box.password)
    return client


def fetch_new(
    url: str, handle: Callable[[bytes], object], *, limit: int | None = None
) -> tuple[int, int]:
    """Hand every unread mail of the mailbox to ``handle`` (oldest first), marking each read
    once ``handle`` returned; return (handled, left unread).

    If ``handle`` raises, the mail stays unread and the round stops there (the error goes up:
    the caller decides whether it is worth a retry)."""
    box = Mailbox.from_url(url)
    handled = 0
    with connect(box) as client:
        client.select_folder(box.folder)
        uids = sorted(client.search(["UNSEEN"]))
        if limit is not None:
            uids = uids[:limit]
        for start in range(0, len(uids), BATCH):
            chunk = uids[start : start + BATCH]
            # BODY.PEEK reads without marking read: only a handled mail is marked
            fetched = client.fetch(chunk, ["BODY.PEEK[]"])
            for uid in chunk:
                raw = fetched.get(uid, {}).get(b"BODY[]")
                if raw is None:  # expunged meanwhile
                    continue
                handle(raw)
                client.add_flags([uid], [SEEN])
                handled += 1
        left = len(client.search(["UNSEEN"]))
    return handled, left
