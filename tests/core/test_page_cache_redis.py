"""With CACHE_URL=redis://… the pages (and sessions) are shared by every process and machine:
a page one process cached is served by another, and a change made anywhere shows at once.
Against the real Redis server that scripts/test-services.sh starts."""

import uuid

import pytest
import redis
from django.core.cache import caches
from django.test import Client, override_settings

REDIS = "redis://127.0.0.1:6379/7"


@pytest.fixture
def redis_cache():
    """Django's Redis cache under a prefix of this test's own (xdist workers share Redis)."""
    cache = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS,
        "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
    }
    with override_settings(
        CACHES={"default": cache},
        SESSION_ENGINE="django.contrib.sessions.backends.cached_db",
    ):
        caches["default"].get("ping")  # fails here if no Redis answers
        yield caches["default"]


def test_a_page_cached_by_one_process_is_served_by_another_until_it_changes(
    redis_cache, users, ask
):
    from mejabantu.helpdesk import services

    ticket = ask(subject="Dibagi lewat Redis", body="Apakah halaman ini dibagi?")
    browser = Client()
    browser.force_login(users["petugas1"])
    browser.get("/akun/kata-sandi/")  # the CSRF cookie
    first = browser.get(ticket.get_absolute_url()).content
    server = redis.Redis.from_url(REDIS)
    pages = list(server.scan_iter(f"{redis_cache.key_prefix}:*page:helpdesk:detail:*"))
    assert len(pages) == 1  # kept in Redis, where every process finds it
    assert browser.get(ticket.get_absolute_url()).content == first
    server.delete(*pages)  # gone from the shared cache: rendered again, and kept again
    assert b"Dibagi lewat Redis" in browser.get(ticket.get_absolute_url()).content
    assert server.exists(*pages)
    services.message_add(ticket=ticket, actor=users["petugas2"], body="Jawaban dari proses lain")
    assert b"Jawaban dari proses lain" in browser.get(ticket.get_absolute_url()).content


def test_signing_out_ends_a_session_kept_in_redis(redis_cache, users):
    browser = Client()
    browser.post("/akun/masuk/", {"username": "petugas1", "password": "mejabantu-demo"})
    copy = Client()
    copy.cookies = browser.cookies
    assert copy.get("/tiket/").status_code == 200
    browser.post("/akun/keluar/")
    assert copy.get("/tiket/").status_code == 302
