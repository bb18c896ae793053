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
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from functools import wraps

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token

from mejabantu.core import generations

TIMEOUT = 600
CSRF_PLACEHOLDER = "csrf-token-placeholder-5b1d0f"
_RENDERING_FOR_CACHE = "_mejabantu_rendering_for_cache"
_KEPT_FOR_LIVE = "_mejabantu_kept_for_live_parts"
_LIVE_PART = re.compile(rb"<!--live:(\w+)-->.*?<!--/live:\1-->", re.S)


def csrf_placeholder(request: HttpRequest) -> dict:
    """Context processor: while a page is rendered for the cache, its CSRF tokens are
    placeholders (this runs after Django's own csrf processor and overrides it)."""
    if getattr(request, _RENDERING_FOR_CACHE, False):
        return {"csrf_token": CSRF_PLACEHOLDER}
    return {}


def _key(request: HttpRequest, scopes: Iterable[str]) -> str:
    parts = (
        request.user.pk,
        request.get_full_path()[:1000],
        bool(request.headers.get("HX-Request")),
        getattr(request, "LANGUAGE_CODE", ""),
        generations.current(*scopes),
    )
    digest = hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()
    return f"page:2:{request.resolver_match.view_name}:{digest}"  # 2: entries keep live parts


def _messages_waiting(request: HttpRequest) -> bool:
    storage = getattr(request, "_messages", None)
    return bool(storage is not None and len(storage))


def _with_token(request: HttpRequest, content: bytes) -> bytes:
    """The page with this response's own masked CSRF token in place of the placeholder."""
    placeholder = CSRF_PLACEHOLDER.encode()
    if placeholder in content:
        content = content.replace(placeholder, get_token(request).encode())
    return content


def keep_for_live_parts(request: HttpRequest, kept) -> None:
    """What the page's live parts need to be rendered again on a cache hit (picklable; it
    must only change when the page's scopes do)."""
    setattr(request, _KEPT_FOR_LIVE, kept)


def _with_live_parts(content: bytes, parts: dict[str, str]) -> bytes:
    def fresh(match: re.Match) -> bytes:
        name = match.group(1).decode()
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
):
    """Cache a GET view's 200 responses per viewer and address, keyed by ``scopes(request)``.

    ``scopes`` names the data the page shows (see core.generations); it runs after the view's
    own access checks would, so it must not reveal anything: return no scope for requests
    the view refuses, and the view answers them. ``live`` renders the page's live parts (by
    name) from what the view kept with ``keep_for_live_parts``, on every hit.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method != "GET" or _messages_waiting(request):
                return view(request, *args, **kwargs)
            wanted = tuple(scopes(request))
            if not wanted:
                return view(request, *args, **kwargs)
            key = _key(request, wanted)
            hit = cache.get(key)
            if hit is not None:
                content, content_type, kept = hit
                if live is not None and kept is not None:
                    content = _with_live_parts(content, live(request, kept))
                return HttpResponse(_with_token(request, content), content_type=content_type)
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
                kept = getattr(request, _KEPT_FOR_LIVE, None)
                cache.set(key, (content, response["Content-Type"], kept), timeout)
            response.content = _with_token(request, content)
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
