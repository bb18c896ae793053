"""Copy the helpdesk's outbox into the mail app's table (helpdesk 0011 then drops the old one).

A mail's ticket link becomes its topic, "ticket:<id>". Ids are kept, so a delivery task queued
before the move still finds its mail. Reversible: backwards copies the rows back, a topic
"ticket:<id>" becoming the ticket link again where that ticket still exists.
"""

from django.core.management.color import no_style
from django.db import migrations

FIELDS = (
    "id",
    "to",
    "subject",
    "body",
    "state",
    "attempts",
    "next_attempt_at",
    "claimed_at",
    "last_error",
    "dedupe_key",
    "created_at",
    "sent_at",
)
BATCH = 2000


def _copy(schema_editor, source, target, convert):
    rows = source.objects.order_by("pk").values(*FIELDS, *convert.reads).iterator(BATCH)
    batch = []
    for row in rows:
        batch.append(target(**{f: row[f] for f in FIELDS}, **convert(row)))
        if len(batch) == BATCH:
            target.objects.bulk_create(batch)
            batch = []
    target.objects.bulk_create(batch)
    connection = schema_editor.connection
    with connection.cursor() as cursor:  # explicit ids: move the id sequence past them
        for sql in connection.ops.sequence_reset_sql(no_style(), [target]):
            cursor.execute(sql)


class _ToTopic:
    reads = ("ticket_id",)

    def __call__(self, row):
        return {"topic": f"ticket:{row['ticket_id']}" if row["ticket_id"] else ""}


class _ToTicket:
    reads = ("topic",)

    def __init__(self, ticket_ids):
        self.ticket_ids = ticket_ids

    def __call__(self, row):
        kind, _sep, pk = row["topic"].partition(":")
        if kind == "ticket" and pk.isdigit() and int(pk) in self.ticket_ids:
            return {"ticket_id": int(pk)}
        return {"ticket_id": None}


def forwards(apps, schema_editor):
    _copy(
        schema_editor,
        apps.get_model("helpdesk", "OutgoingMail"),
        apps.get_model("mail", "OutgoingMail"),
        _ToTopic(),
    )


def backwards(apps, schema_editor):
    Ticket = apps.get_model("helpdesk", "Ticket")
    source = apps.get_model("mail", "OutgoingMail")
    wanted = {
        int(pk)
        for kind, _sep, pk in (
            t.partition(":")
            for t in source.objects.filter(topic__startswith="ticket:").values_list(
                "topic", flat=True
            )
        )
        if pk.isdigit()
    }
    existing = set(Ticket.objects.filter(pk__in=wanted).values_list("pk", flat=True))
    _copy(schema_editor, source, apps.get_model("helpdesk", "OutgoingMail"), _ToTicket(existing))
    source.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("mail", "0001_outbox"),
        ("helpdesk", "0010_english_choice_rows"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
