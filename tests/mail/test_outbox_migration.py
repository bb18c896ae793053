"""Moving the outbox from the helpdesk to the mail app keeps every queued mail, both ways."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from mejabantu.mail.models import OutgoingMail

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("helpdesk", "0010_english_choice_rows"), ("mail", "0001_outbox")]
AFTER = [("helpdesk", "0011_move_outbox_to_mail"), ("mail", "0002_copy_helpdesk_outbox")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


def test_queued_mails_keep_their_ticket_link_across_the_move_and_back(ask):
    ticket = ask()
    OutgoingMail.objects.all().delete()
    old = _migrate(BEFORE).get_model("helpdesk", "OutgoingMail")
    waiting = old.objects.create(
        ticket_id=ticket.pk, to="dewi@contoh.id", subject="Balasan", body="Usia 25 tahun."
    )
    failed = old.objects.create(
        to="x@contoh.id", subject="Gagal", body="-", state="failed", dedupe_key="sla:1"
    )
    try:
        # the model as it stood then (later migrations add columns)
        new = _migrate(AFTER).get_model("mail", "OutgoingMail")
        moved = {m.pk: m for m in new.objects.all()}
        assert moved[waiting.pk].topic == f"ticket:{ticket.pk}"
        assert (moved[waiting.pk].to, moved[waiting.pk].state) == ("dewi@contoh.id", "pending")
        assert (moved[failed.pk].topic, moved[failed.pk].dedupe_key) == ("", "sla:1")
        # a new mail after the copy gets a fresh id (the sequence moved past the copied ones)
        assert new.objects.create(to="y@contoh.id", subject="s", body="b").pk > max(moved)

        back = _migrate(BEFORE).get_model("helpdesk", "OutgoingMail")
        assert back.objects.get(pk=waiting.pk).ticket_id == ticket.pk
        assert back.objects.count() == 3
    finally:
        _migrate(_latest())  # every app back at its newest migration, for the tests after
    assert OutgoingMail.objects.filter(topic=f"ticket:{ticket.pk}").count() == 1
