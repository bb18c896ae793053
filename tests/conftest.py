"""Shared fixtures: demo data, users, a real SMTP server, the app in a subprocess, Chromium."""

import os
import uuid

import pytest

os.environ.setdefault("MEJABANTU_DEMO", "1")


# Argon2 costs about a second per password on the shared machine; the suite hashes the demo
# passwords once per session and signs in often. MD5 first makes that cheap; Argon2 stays second
# so a hash made with it still verifies. Tests whose subject is hashing put Argon2 first
# (tests/accounts/test_auth.py); production keeps Argon2 (tests/core/test_settings.py).
FAST_PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
]


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hasher():
    from django.test import override_settings

    with override_settings(PASSWORD_HASHERS=FAST_PASSWORD_HASHERS):
        yield


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: databases roll back, cached pages would not."""
    from django.core.cache import cache

    cache.clear()


def _load_demo() -> None:
    """The demo offices and accounts (the same loaders `make run` uses)."""
    from mejabantu.accounts import demo as accounts_demo
    from mejabantu.helpdesk.defaults import ensure_default_categories
    from mejabantu.offices import demo as offices_demo

    offices_demo.load()
    accounts_demo.load()
    ensure_default_categories()  # transactional tests flush what migrations created


def _demo_is_loaded() -> bool:
    from mejabantu.accounts.models import User
    from mejabantu.helpdesk.models import Category

    # accounts are loaded after the offices; categories may be flushed with them
    return (
        User.objects.filter(is_demo_account=True).exists()
        and Category.objects.filter(office=None).exists()
    )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, _fast_password_hasher):
    """The test database, with the demo data built once for the session: most tests only
    read it, and each rolls back what it writes."""
    with django_db_blocker.unblock():
        _load_demo()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a request in English leaves it active."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def demo(db):
    """The demo offices and accounts: built once per session, again only after a
    transactional test (transaction=True flushes the database when it ends)."""
    if not _demo_is_loaded():
        _load_demo()


@pytest.fixture
def office(demo):
    from mejabantu.offices.models import Office

    return Office.objects.get(code="19.02")


@pytest.fixture
def users(demo):
    """The demo accounts by username."""
    from mejabantu.accounts.models import User

    return {u.username: u for u in User.objects.select_related("office", "organisation")}


@pytest.fixture
def ask(users, office):
    """Ask a question as a party operator (default lo-partai-a) through the service."""

    def make(
        username="lo-partai-a",
        subject="Syarat usia calon",
        body="Berapa batas usia?",
        category="persyaratan-calon",
        **kwargs,
    ):
        from mejabantu.helpdesk import services

        ticket, _created = services.ticket_create(
            actor=users[username],
            office=office,
            subject=subject,
            body=body,
            category=category,
            idempotency_key=kwargs.pop("key", uuid.uuid4()),
            **kwargs,
        )
        return ticket

    return make


@pytest.fixture
def bearer(client, users):
    """Authorization headers of an API token for a demo account: ``bearer("petugas1")``."""

    def make(username, password="mejabantu-demo"):  # noqa: S107 - the demo's
        token = client.post(
            "/api/v1/auth/token",
            {"username": username, "password": password},
            content_type="application/json",
        ).json()["token"]
        return {"Authorization": f"Bearer {token}"}

    return make


@pytest.fixture
def other_office(demo):
    from mejabantu.accounts.models import User
    from mejabantu.offices.models import Office

    office = Office.objects.get(code="19.01")  # KPU Kabupaten Bangka, of the demo network
    User.objects.create_user(
        "petugas-bangka",
        password="x-Bangka-2024!",
        role="officer",
        office=office,
        email="petugas@bangka.example",
    )
    return office


pytest_plugins = [
    "tests.fixtures.smtp",
    "tests.fixtures.app_server",
    "tests.fixtures.private_postgres",
    "tests.fixtures.imap",
    "tests.fixtures.graph_api",
]


@pytest.fixture
def network(demo):
    """The network above and beside KPU Kabupaten Belitung: its province (19) and KPU RI with
    an officer each, and the province's second regency desk, KPU Kabupaten Belitung Timur
    (19.06) with its officer. Reused where the demo data already has them."""
    from types import SimpleNamespace

    from mejabantu.accounts.models import User
    from mejabantu.offices.models import Office

    province = Office.objects.get(code="19")
    beltim, _created = Office.objects.get_or_create(
        code="19.06",
        defaults={
            "name": "KPU Kabupaten Belitung Timur",
            "short_code": "BELTIM",
            "level": Office.Level.REGENCY,
            "parent": province,
        },
    )

    def officer(username: str, office: Office) -> User:
        found = User.objects.filter(username=username).select_related("office").first()
        if found is None:
            found = User.objects.create_user(
                username,
                password="x-Jaringan-2024!",
                role=User.Role.OFFICER,
                office=office,
                email=f"{username}@kpu.example",
                first_name=username,
            )
        return found

    return SimpleNamespace(
        regency=Office.objects.get(code="19.02"),
        province=province,
        ri=Office.objects.get(code="ri"),
        beltim=beltim,
        prov_officer=officer("petugas-prov", province),
        ri_officer=officer("petugas-ri", Office.objects.get(code="ri")),
        beltim_officer=officer("petugas-beltim", beltim),
    )
