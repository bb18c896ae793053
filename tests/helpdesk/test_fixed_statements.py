"""The fixed statements of hot paths read and write what the ORM reads and writes."""

import uuid

from django.db.models.signals import post_save

from mejabantu.core import sql
from mejabantu.helpdesk.models import AuditEvent, Ticket


def _values(instance):
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


def test_a_row_inserted_by_the_fixed_statement_reads_back_as_the_orm_s(ask):
    saved = ask()  # through the service: the fixed INSERT
    copy = Ticket(**{k: v for k, v in _values(saved).items() if k != "id"})
    copy.reference, copy.idempotency_key = "BLT-2099-000001", uuid.uuid4()
    copy.save(force_insert=True)  # the ORM's
    for instance in (saved, copy):
        assert _values(Ticket.objects.get(pk=instance.pk)) == _values(instance)
    ours, theirs = _values(Ticket.objects.get(pk=saved.pk)), _values(copy)
    different = {"id", "reference", "idempotency_key"}
    assert {k: v for k, v in ours.items() if k not in different} == {
        k: v for k, v in theirs.items() if k not in different
    }


def test_the_fixed_insert_sends_the_save_signals_with_the_new_key(ask):
    ticket = ask()
    seen = []

    def receiver(sender, instance, created, **kwargs):
        seen.append((sender, instance.pk, created, instance._state.adding))

    post_save.connect(receiver, sender=AuditEvent)
    try:
        event = sql.insert(AuditEvent(ticket=ticket, actor_name="sistem", action="noted"))
    finally:
        post_save.disconnect(receiver, sender=AuditEvent)
    assert seen == [(AuditEvent, event.pk, True, False)]
    assert AuditEvent.objects.get(pk=event.pk).changes == {}
