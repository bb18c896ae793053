"""Limits on what anyone may do without signing in, and the client's address behind proxies.

Counted in Django's cache by django-ratelimit (local memory on a laptop: per process; Redis
with ``CACHE_URL``: shared by every process and machine). The rates are settings, read when
a request comes, so an office can loosen them for a busy registration day.
"""

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited


def client_ip(request: HttpRequest) -> str:
    """The address of whoever sent the request: with ``PROXY_HOPS`` trusted reverse proxies
    in front, the one the nearest of them saw in X-Forwarded-For; else the connection's."""
    hops = int(settings.PROXY_HOPS)
    if hops:
        header = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
        forwarded = [p.strip() for p in header.split(",") if p.strip()]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return str(request.META.get("REMOTE_ADDR") or "")


def over(request: HttpRequest, group: str, rate: str, key: str | None = None) -> bool:
    """Count one more try of ``group`` and say whether it goes over ``rate`` ("20/h"), per
    client address, or per ``key`` (an e-mail address, say) when one is given."""
    if not rate:
        return False

    def by(_group: str, req: HttpRequest) -> str:
        # an address may be unknown (a proxy on a Unix socket): those share one count
        return key.strip().lower() if key is not None else client_ip(req) or "unknown"

    return bool(is_ratelimited(request, group=group, key=by, rate=rate, increment=True))
