"""Ticket pages rendered ahead by the worker: the first view of a page is not a render, and
it is the page its viewer would have got, never another viewer's or a stale one."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache, caches
from django.core.management import call_command
from django.utils import timezone

from mejabantu.accounts.models import User
from mejabantu.core import generations
from mejabantu.helpdesk import pages, services
from mejabantu.helpdesk.models import Category, Ticket

# The worker closes database connections between rounds, as in production.
WORKER = pytest.mark.django_db(transaction=True)
TOKENS = re.compile(r"[A-Za-z0-9]{64}")  # each response has its own masked CSRF token


def _another_process():
    """Forget what this process kept: only the shared page store is left."""
    cache.clear()
    generations.forget()


def _fresh_render(client, url) -> str:
    """The page as it would be rendered for this viewer with nothing stored anywhere."""
    for alias in caches.settings:
        caches[alias].clear()
    generations.forget()
    return client.get(url).content.decode()


@pytest.fixture
def second_operator(users):
    """Another operator of lo-partai-a's party branch."""
    return User.objects.create_user(
        username="lo-partai-a2",
        password="x-Panjang-sekali-42",
        role=User.Role.OPERATOR,
        organisation=users["lo-partai-a"].organisation,
    )


def test_a_page_rendered_ahead_is_each_officers_own_page(
    client, ask, users, django_assert_max_num_queries
):
    ticket = ask(subject="Dirender lebih dulu")
    services.ticket_take(ticket=ticket, actor=users["petugas1"])
    services.message_add(ticket=ticket, actor=users["petugas2"], body="Catatan", internal=True)
    url = ticket.get_absolute_url()
    for username in ("petugas2", "petugas1", "koordinator"):
        assert pages.render_ahead([ticket]) == 2  # the office's officers, the party's operators
        _another_process()
        client.force_login(users[username])
        # the session with its user, and this new process's first look at the generations
        with django_assert_max_num_queries(2):
            stored = client.get(url).content.decode()
        assert f">{username}</a>" in stored  # their own name in the header
        has_take = "Ambil tiket ini" in stored
        assert has_take == (username != "petugas1")  # petugas1 holds the ticket
        assert TOKENS.sub("", stored) == TOKENS.sub("", _fresh_render(client, url))


def test_a_page_rendered_ahead_is_each_operators_own_page(
    client, ask, users, second_operator, django_assert_max_num_queries
):
    ticket = ask(subject="Untuk partai kami")
    services.message_add(ticket=ticket, actor=users["petugas1"], body="Rahasia", internal=True)
    pages.render_ahead([ticket])
    _another_process()
    client.force_login(second_operator)
    url = ticket.get_absolute_url()
    with django_assert_max_num_queries(2):  # the organisation comes with the session
        stored = client.get(url).content.decode()
    assert ">lo-partai-a2</a>" in stored and "Rahasia" not in stored
    assert TOKENS.sub("", stored) == TOKENS.sub("", _fresh_render(client, url))


def test_a_page_rendered_ahead_is_never_shown_outside_its_audience(
    client, ask, users, other_office
):
    ticket = ask(subject="Hanya untuk kantor dan partainya")
    pages.render_ahead([ticket])
    url = ticket.get_absolute_url()
    for user in (users["lo-partai-b"], User.objects.get(username="petugas-bangka")):
        _another_process()
        client.force_login(user)
        assert client.get(url).status_code == 404


def test_a_stored_page_is_not_served_after_a_change(client, ask, users):
    ticket = ask(subject="Berubah setelah disimpan")
    pages.render_ahead([ticket])
    services.message_add(ticket=ticket, actor=users["petugas1"], body="Jawaban terbaru")
    _another_process()
    client.force_login(users["petugas2"])
    assert "Jawaban terbaru" in client.get(ticket.get_absolute_url()).content.decode()


@WORKER
def test_a_new_version_of_the_worker_renders_the_open_tickets_first(
    client, ask, users, django_assert_max_num_queries
):
    from mejabantu.helpdesk.models import Status

    done = ask(subject="Sudah lama selesai")
    services.ticket_update(
        ticket=done, actor=users["petugas1"], expected_version=None, status=Status.CLOSED
    )
    Ticket.objects.filter(pk=done.pk).update(updated_at=timezone.now() - timedelta(days=90))
    waiting = ask(subject="Masih menunggu jawaban")
    call_command("worker", "--once")  # no page stored by this version of the code yet
    client.force_login(users["petugas2"])
    _another_process()
    with django_assert_max_num_queries(2):
        assert "Masih menunggu" in client.get(waiting.get_absolute_url()).content.decode()
    _another_process()
    with django_assert_max_num_queries(20) as old:  # rendered on view
        assert "Sudah lama selesai" in client.get(done.get_absolute_url()).content.decode()
    assert len(old) > 3


@WORKER
def test_the_worker_renders_a_changed_ticket_ahead(
    client, ask, users, django_assert_max_num_queries
):
    ticket = ask(subject="Dijawab lalu dibuka")
    call_command("worker", "--once")  # its first run starts from now
    services.message_add(ticket=ticket, actor=users["petugas1"], body="Sudah kami jawab")
    call_command("worker", "--once")
    _another_process()
    client.force_login(users["petugas2"])
    with django_assert_max_num_queries(2):
        page = client.get(ticket.get_absolute_url()).content.decode()
    assert "Sudah kami jawab" in page
    client.force_login(users["lo-partai-a"])
    with django_assert_max_num_queries(2):
        assert "Sudah kami jawab" in client.get(ticket.get_absolute_url()).content.decode()


@WORKER
def test_the_worker_renders_the_office_again_after_a_setup_change(
    client, ask, users, django_assert_max_num_queries
):
    tickets = [ask(subject=f"Tiket {i}") for i in range(3)]
    call_command("worker", "--once")
    category = Category.objects.get(code="persyaratan-calon")
    category.name = "Persyaratan calon (diubah)"
    category.save()
    call_command("worker", "--once")
    client.force_login(users["petugas2"])
    for ticket in tickets:
        _another_process()
        with django_assert_max_num_queries(2):
            page = client.get(ticket.get_absolute_url()).content.decode()
        assert "Persyaratan calon (diubah)" in page


def test_warm_pages_renders_every_ticket_once_with_progress(ask, capsys):
    for i in range(3):
        ask(subject=f"Pertanyaan {i}")
    call_command("warm_pages", "--office", "19.02")
    out = capsys.readouterr().out
    assert "3/3 tiket" in out and "6 halaman dirender" in out
    call_command("warm_pages")
    assert "0 halaman dirender" in capsys.readouterr().out  # all current: nothing to do


def test_warm_pages_names_an_unknown_office(demo):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Kantor tidak dikenal: 99.99"):
        call_command("warm_pages", "--office", "99.99")


def test_the_page_store_prunes_what_expired(settings):
    import time

    import time_machine

    from mejabantu.core.page_files import prune_pages

    store = caches["pages"]
    store.set("old", b"old page", 60)
    store.set("current", b"current page", 3600)
    with time_machine.travel(time.time() + 120):
        assert prune_pages() == 1
    assert store.get("old") is None and store.get("current") == b"current page"


def test_the_page_store_drops_another_versions_pages_a_day_after_its_last_write():
    import os
    import time

    import time_machine

    from mejabantu.core.cached_pages import code_version
    from mejabantu.core.page_files import prune_pages

    store = caches["pages"]
    ours = f"page:3:{code_version()}:helpdesk:detail:abc"
    theirs = "page:3:0123456789abcdef:helpdesk:detail:abc"  # a version deployed before
    store.set(ours, b"this version's page", 30 * 24 * 3600)
    store.set(theirs, b"the old version's page", 30 * 24 * 3600)
    assert os.path.basename(os.path.dirname(store._key_to_file(theirs))) == "0123456789abcdef"
    with time_machine.travel(time.time() + 3600):  # its processes may still run: kept
        assert prune_pages() == 0
    assert store.get(theirs) == b"the old version's page"
    with time_machine.travel(time.time() + 2 * 24 * 3600):  # nothing written to it for days
        assert prune_pages() == 1
    assert store.get(theirs) is None
    assert store.get(ours) == b"this version's page"  # never, however long idle
    store.clear()  # the versions' folders too
    assert store.get(ours) is None


def test_a_page_that_fails_to_render_ahead_leaves_the_others_stored(ask, monkeypatch, caplog):
    from mejabantu.helpdesk import views

    broken, fine = ask(subject="Rusak"), ask(subject="Baik")
    real = views._detail_context

    def failing(request, ticket, **kwargs):
        if ticket.pk == broken.pk:
            raise RuntimeError("template error")
        return real(request, ticket, **kwargs)

    monkeypatch.setattr(views, "_detail_context", failing)
    assert pages.render_ahead([broken, fine]) == 2  # fine's two audiences; broken's failed
    assert f"/tiket/{broken.reference}/" in caplog.text
