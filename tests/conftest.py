"""Shared fixtures: demo data, users, a real SMTP server, the app in a subprocess, Chromium."""

import os

import pytest

os.environ.setdefault("MEJABANTU_DEMO", "1")


@pytest.fixture(scope="session", autouse=True)
def _page_store(tmp_path_factory):
    """Pages rendered ahead go to a directory of this test process's own (each xdist worker
    has its databases; their pages must not meet)."""
    from django.conf import settings
    from django.test import override_settings

    if settings.CACHES["pages"] == settings.CACHES["default"]:  # Redis: one shared cache
        yield
        return
    pages = {**settings.CACHES["pages"], "LOCATION": str(tmp_path_factory.mktemp("pages"))}
    with override_settings(CACHES={**settings.CACHES, "pages": pages}):
        yield


@pytest.fixture(autouse=True)
def _fresh_cache(_page_store):
    """Each test starts with empty caches: databases roll back, cached pages would not."""
    from django.core.cache import caches

    from mejabantu.core import generations

    for alias in caches.settings:
        caches[alias].clear()
    generations.forget()


@pytest.fixture
def demo(db):
    """The demo offices and accounts (the same loaders `make run` uses)."""
    from mejabantu.accounts import demo as accounts_demo
    from mejabantu.helpdesk.defaults import ensure_default_categories
    from mejabantu.offices import demo as offices_demo

    offices_demo.load()
    accounts_demo.load()
    ensure_default_categories()  # transactional tests flush what migrations created


@pytest.fixture
def office(demo):
    from mejabantu.offices.models import Office

    return Office.objects.get(code="19.02")


@pytest.fixture
def users(demo):
    """The demo accounts by username."""
    from mejabantu.accounts.models import User

    return {u.username: u for u in User.objects.select_related("office", "organisation")}


pytest_plugins = ["tests.fixtures.smtp", "tests.fixtures.app_server"]
