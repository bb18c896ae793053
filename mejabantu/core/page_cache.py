"""Whole pages kept in Django's cache under the versions of the data they show.

A view reads what it shows through the same access-checked selectors as always, then hands
``cached_page`` the versions of that data (a ticket's own version, its office's setup
version...) and a function that renders the page. While the versions stay, the page comes
from the cache; any change of the data moves a version, and the next view renders anew.
The versions live in the database rows the view reads anyway, so a page can never be served
after its data changed, whichever process or machine rendered it (as Wagtail keys its page
cache on a page's revision).

A page is kept per viewer, address, language and htmx request, and per CSRF cookie: its forms
carry a token made from that cookie, valid for no other browser. Pages with flash messages
waiting are never cached (the messages are shown once), nor answers other than a plain 200.

``cached_value`` keeps a value the same way (an office's lists, under its setup version).

The cache is Django's: local memory for one process, Redis (``CACHE_URL``) when several
processes or machines serve. Nothing here is per process but what Django's cache keeps.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from typing import TypeVar

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse

TIMEOUT = 600  # seconds: a page nobody views again leaves the cache after this
T = TypeVar("T")


def _key(request: HttpRequest, versions: tuple[Hashable, ...], csrf_cookie: str) -> str:
    parts = (
        connection.settings_dict["NAME"],  # two databases never share a page
        request.user.pk,
        csrf_cookie,
        request.get_full_path()[:1000],
        bool(request.headers.get("HX-Request")),
        getattr(request, "LANGUAGE_CODE", ""),
        versions,
    )
    digest = hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()
    view = request.resolver_match.view_name if request.resolver_match else ""
    return f"page:{view}:{digest}"


def cached_page(
    request: HttpRequest,
    versions: tuple[Hashable, ...] | None,
    render: Callable[[], HttpResponse],
    *,
    timeout: int = TIMEOUT,
) -> HttpResponse:
    """The page ``render()`` makes, from the cache while ``versions`` stay the same.

    ``versions`` (None: do not cache) must name every piece of data the page shows that can
    change; they are read after the view's access checks, so a refused request never gets
    this far."""
    csrf_cookie = request.COOKIES.get(settings.CSRF_COOKIE_NAME, "")
    if (
        versions is None
        or request.method != "GET"
        or not csrf_cookie
        or not request.user.is_authenticated
        or len(messages.get_messages(request))
    ):
        return render()
    key = _key(request, versions, csrf_cookie)
    hit = cache.get(key)
    if hit is not None:
        content, content_type = hit
        return HttpResponse(content, content_type=content_type)
    response = render()
    if hasattr(response, "render") and callable(response.render):
        response = response.render()
    if response.status_code == 200 and not response.streaming and not response.cookies:
        cache.set(key, (response.content, response["Content-Type"]), timeout)
    return response


def cached_value(name: str, versions: tuple[Hashable, ...], read: Callable[[], T]) -> T:
    """What ``read()`` returns, from the cache while ``versions`` stay the same: for lists
    many pages show alike (an office's categories, officers...), keyed like the pages."""
    parts = (connection.settings_dict["NAME"], versions)
    digest = hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()
    key = f"value:{name}:{digest}"
    found: T | None = cache.get(key)
    if found is None:
        found = read()
        cache.set(key, found, TIMEOUT)
    return found
