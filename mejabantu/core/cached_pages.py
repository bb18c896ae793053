"""Cached pages, keyed by the generations of the data they show.

``cached_page`` keeps a view's rendered page per viewer, address and language, and serves it
again until a generation in its key moves (see core.generations), or after ``TIMEOUT`` at the
latest. Forms keep working: while a page is rendered for the cache its CSRF tokens are
placeholders, and every response gets its own masked token, as if rendered for it. Pages
with flash messages waiting are rendered normally (the messages are shown once).

Only for pages whose content is a function of the data in their scopes, the viewer and the
address. A part that depends on the clock (a ticket's SLA clocks) is a *live part*: the
template wraps it in ``<!--live:NAME-->…<!--/live:NAME-->``, the view hands what it needs to
``keep_for_live_parts``, and on every later hit ``live(request, kept)`` renders it afresh.

Pages every member of an *audience* sees alike (a ticket's page: the same for every officer of
its office, or every operator of its party) are kept per audience instead of per viewer: the
viewer's name is a placeholder too, and what differs between members is a live part. Such
pages can also be *stored*: rendered ahead by the background worker after a change
(``warming``) into a cache every process shares (``caches["pages"]``: files under var/ on
one machine, Redis with ``CACHE_URL``), so even the first view of a page is a hit.

An entry is kept under a key without generations and carries the generations it was rendered
at: it is served only while they are current, and the next render replaces it (a page is one
entry, however often it changes).
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable, Iterable
from functools import cache, wraps
from pathlib import Path

from django.conf import settings
from django.core.cache import cache as default_cache
from django.core.cache import caches
from django.db import connections
from django.http import HttpRequest, HttpResponse
from django.middleware import csrf
from django.middleware.csrf import get_token
from django.utils.html import escape

from mejabantu.core import generations

TIMEOUT = 600
STORED_FOR = 30 * 24 * 3600  # a stored page not rendered again since is pruned after this
FORMAT = 3  # of the entries: 3 carry their generations (a shared Redis survives a deploy)
CSRF_PLACEHOLDER = "csrf-token-placeholder-5b1d0f"
VIEWER_PLACEHOLDER = "viewer-name-placeholder-8c2e4a"
_RENDERING_FOR_CACHE = "_mejabantu_rendering_for_cache"
_WARMING = "_mejabantu_warming"
_KEPT_FOR_LIVE = "_mejabantu_kept_for_live_parts"
_LIVE_PART = re.compile(rb"<!--live:(\w+)-->.*?<!--/live:\1-->", re.S)


def cache_placeholders(request: HttpRequest) -> dict:
    """Context processor: ``viewer_name``, the signed-in user's name; while a page is rendered
    for the cache, it and the CSRF tokens are placeholders (this runs after Django's own csrf
    processor and overrides it)."""
    if getattr(request, _RENDERING_FOR_CACHE, False):
        return {"csrf_token": CSRF_PLACEHOLDER, "viewer_name": VIEWER_PLACEHOLDER}
    user = getattr(request, "user", None)
    return {"viewer_name": user.get_username() if user is not None else ""}


def database_id() -> str:
    """Which database the pages come from (a digest of its address): two databases never
    share an entry, even when their var/ (and so their stored pages) is the same."""
    found = connections["default"].settings_dict
    return _digest((found["ENGINE"], found["NAME"], found.get("HOST"), found.get("PORT")))


@cache
def _digest(address: tuple) -> str:
    return hashlib.blake2b(repr(address).encode(), digest_size=8).hexdigest()


@cache
def code_version() -> str:
    """A digest of the code and templates this process runs (read once per process): a page
    stored by another version (its markup, its forms, what its live parts keep) is never
    served by this one."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.blake2b(digest_size=8)
    for path in sorted(package.rglob("*")):
        if path.suffix in {".py", ".html", ".txt", ".mo"} and path.is_file():
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _key(request: HttpRequest, audience) -> str:
    parts = (
        database_id(),
        audience,
        request.get_full_path()[:1000],
        bool(request.headers.get("HX-Request")),
        getattr(request, "LANGUAGE_CODE", ""),
    )
    digest = hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()
    return f"page:{FORMAT}:{code_version()}:{request.resolver_match.view_name}:{digest}"


def page_store():
    """Where the worker stores the pages it renders ahead (settings: ``CACHES["pages"]``)."""
    return caches["pages"]


def _separate_store():
    """The page store, when it is not the cache looked in first (with Redis both are one)."""
    if settings.CACHES["pages"] == settings.CACHES["default"]:
        return None
    return caches["pages"]


def _messages_waiting(request: HttpRequest) -> bool:
    storage = getattr(request, "_messages", None)
    return bool(storage is not None and len(storage))


_CSRF_CHARS = csrf.CSRF_ALLOWED_CHARS
_CSRF_INDEX = {c: i for i, c in enumerate(_CSRF_CHARS)}
_UNBIASED_BELOW = 256 - 256 % len(_CSRF_CHARS)  # bytes from here on would favour some chars


def _random_mask(length: int) -> str:
    """``length`` characters of Django's CSRF alphabet, each equally likely, from one or two
    reads of the system's random source."""
    found: list[str] = []
    while len(found) < length:
        found += [
            _CSRF_CHARS[b % len(_CSRF_CHARS)]
            for b in secrets.token_bytes(length + 8)
            if b < _UNBIASED_BELOW
        ]
    return "".join(found[:length])


def _masked_token(request: HttpRequest) -> str:
    """Django's ``get_token``: the request's CSRF secret under a fresh random mask, the
    cookie renewed. Django draws the mask one character at a time from the system's random
    source (33 system calls, a tenth of a cached page); this draws it at once. The token is
    the one Django's middleware unmasks (tests/helpdesk/test_cached_pages.py)."""
    secret = request.META.get("CSRF_COOKIE")
    if secret is None or len(secret) != csrf.CSRF_SECRET_LENGTH:
        return get_token(request)  # no cookie yet: Django's own path makes one
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    mask = _random_mask(len(secret))
    size = len(_CSRF_CHARS)
    return mask + "".join(
        _CSRF_CHARS[(_CSRF_INDEX[x] + _CSRF_INDEX[y]) % size]
        for x, y in zip(secret, mask, strict=True)
    )


def _personal(request: HttpRequest, content: bytes) -> bytes:
    """The page with this response's own masked CSRF token and its viewer's name in place of
    the placeholders."""
    placeholder = CSRF_PLACEHOLDER.encode()
    if placeholder in content:
        content = content.replace(placeholder, _masked_token(request).encode())
    placeholder = VIEWER_PLACEHOLDER.encode()
    if placeholder in content:
        user = getattr(request, "user", None)
        name = escape(user.get_username()) if user is not None else ""
        content = content.replace(placeholder, name.encode())
    return content


def _current(store, key: str, generation: tuple):
    """The entry kept under ``key`` in ``store`` if it was rendered at ``generation``."""
    entry = store.get(key)
    return entry if entry is not None and entry[0] == generation else None


def warming(request: HttpRequest) -> None:
    """Mark a request made by the worker to render a page ahead into the store: the page is
    rendered only if the store does not hold it at its current generations already."""
    setattr(request, _WARMING, True)


def rendered_ahead(request: HttpRequest) -> bool:
    """True if a warming request rendered its page (False: the store held it already)."""
    return getattr(request, _WARMING, None) == "rendered"


def keep_for_live_parts(request: HttpRequest, kept) -> None:
    """What the page's live parts need to be rendered again on a cache hit (picklable; it
    must only change when the page's scopes do)."""
    setattr(request, _KEPT_FOR_LIVE, kept)


def _with_live_parts(content: bytes, parts: dict[str, str]) -> bytes:
    """The page with these live parts rendered afresh (the others as they were)."""

    def fresh(match: re.Match) -> bytes:
        name = match.group(1).decode()
        if name not in parts:
            return match.group(0)
        return b"<!--live:%s-->%s<!--/live:%s-->" % (
            match.group(1),
            parts[name].encode(),
            match.group(1),
        )

    return _LIVE_PART.sub(fresh, content)


def cached_page(
    scopes: Callable[[HttpRequest], Iterable[str]],
    *,
    timeout: int = TIMEOUT,
    live: Callable[[HttpRequest, object], dict[str, str]] | None = None,
    audience: Callable[[HttpRequest], object] | None = None,
):
    """Cache a GET view's 200 responses per viewer and address, keyed by ``scopes(request)``.

    ``scopes`` names the data the page shows (see core.generations); it runs after the view's
    own access checks would, so it must not reveal anything: return no scope for requests
    the view refuses, and the view answers them. ``live`` renders the page's live parts (by
    name) from what the view kept with ``keep_for_live_parts``, on every hit.

    ``audience(request)`` names who sees the page alike, in place of the viewer: everyone in
    it must be allowed exactly the same pages and see them alike but for their name and the
    live parts. Such pages are also looked up in the shared store, where the worker renders
    them ahead (``warming``).
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method != "GET" or _messages_waiting(request):
                return view(request, *args, **kwargs)
            wanted = tuple(scopes(request))
            if not wanted:
                return view(request, *args, **kwargs)
            generation = generations.current(*wanted)
            key = _key(request, request.user.pk if audience is None else audience(request))
            warm = getattr(request, _WARMING, False)
            if warm:
                if _current(page_store(), key, generation) is not None:
                    return HttpResponse(status=204)  # stored already: nothing to render
            else:
                hit = _current(default_cache, key, generation)
                if hit is None and audience is not None and _separate_store() is not None:
                    hit = _current(_separate_store(), key, generation)
                    if hit is not None:
                        default_cache.set(key, hit, timeout)
                if hit is not None:
                    _generation, content, content_type, kept = hit
                    if live is not None and kept is not None:
                        content = _with_live_parts(content, live(request, kept))
                    return HttpResponse(_personal(request, content), content_type=content_type)
            setattr(request, _RENDERING_FOR_CACHE, True)
            try:
                response = view(request, *args, **kwargs)
                if hasattr(response, "render") and callable(response.render):
                    response = response.render()
            finally:
                setattr(request, _RENDERING_FOR_CACHE, False)
            if response.streaming:
                return response
            content = response.content
            if response.status_code == 200 and not response.cookies:
                entry = (
                    generation,
                    content,
                    response["Content-Type"],
                    getattr(request, _KEPT_FOR_LIVE, None),
                )
                if warm:
                    page_store().set(key, entry, STORED_FOR)
                    setattr(request, _WARMING, "rendered")
                    return response
                default_cache.set(key, entry, timeout)
            response.content = _personal(request, content)
            return response

        return wrapped

    return decorator


def office_scopes(office_id: int | None) -> tuple[str, ...]:
    """The scopes of a page about one office: its tickets, its setup, what offices share."""
    if office_id is None:
        return ()
    return (
        generations.office_scope(office_id),
        generations.setup_scope(office_id),
        generations.ALL,
    )
