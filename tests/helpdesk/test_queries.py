"""List pages run a constant number of queries whatever the number of rows."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from mejabantu.helpdesk import services


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_queue_and_my_tickets_query_counts_do_not_grow_with_rows(client, ask, users):
    for i in range(3):
        t = ask(subject=f"Tiket {i}")
        services.ticket_update(
            ticket=t, actor=users["petugas1"], expected_version=None, assignee=users["petugas2"]
        )
    client.force_login(users["petugas1"])
    few_queue = _count(client, "/tiket/?queue=all")
    client.force_login(users["lo-partai-a"])
    few_mine = _count(client, "/tiket/saya/")
    for i in range(30):
        t = ask(subject=f"Lagi {i}", username="lo-partai-a" if i % 2 else "lo-partai-b")
        services.message_add(ticket=t, actor=users["petugas1"], body="Jawab")
    client.force_login(users["petugas1"])
    # the office's lists (categories, officers...) may come from this process's memory now
    assert _count(client, "/tiket/?queue=all") <= few_queue
    client.force_login(users["lo-partai-a"])
    assert _count(client, "/tiket/saya/") == few_mine
    assert few_queue <= 12


def test_ticket_page_query_count_does_not_grow_with_its_thread(client, ask, users):
    ticket = ask()
    client.force_login(users["petugas1"])
    url = f"/tiket/{ticket.reference}/"
    _count(client, url)  # the office's lists (categories, officers...) are kept from now on
    services.message_add(ticket=ticket, actor=users["petugas1"], body="Jawab awal")
    few = _count(client, url)  # a new generation: rendered again, with one message more
    for i in range(5):
        services.message_add(ticket=ticket, actor=users["petugas1"], body=f"Jawab {i}")
        services.message_add(ticket=ticket, actor=users["petugas1"], body="Catatan", internal=True)
        services.ticket_update(
            ticket=ticket, actor=users["petugas1"], expected_version=None, priority="high"
        )
    assert _count(client, url) <= few  # a new generation: rendered again


def test_asking_reads_the_office_s_categories_once(client, users):
    import uuid

    client.force_login(users["lo-partai-a"])
    with CaptureQueriesContext(connection) as ctx:
        response = client.post(
            "/tiket/tanya/",
            {
                "category": "jadwal",
                "subject": "Jadwal penetapan",
                "body": "Kapan penetapan pasangan calon?",
                "idempotency_key": str(uuid.uuid4()),
            },
        )
    assert response.status_code == 302
    reads = [q["sql"] for q in ctx.captured_queries if 'FROM "helpdesk_category"' in q["sql"]]
    # the form's list and the service's check share one read
    assert len(reads) == 1
