"""PostgreSQL statistics of how a ticket's two offices go together: nearly every ticket is
handled where it was asked, which the planner, counting the columns as independent, took
for one ticket in fifty; so it read a whole office's rows (a bitmap of 150,000) for the
first page of its queue instead of the 50 its index gives in order (1M tickets: the open
queue's count 1.3 s). SQLite plans without them."""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE STATISTICS IF NOT EXISTS helpdesk_ticket_offices (dependencies, ndistinct) "
            "ON office_id, handling_office_id FROM helpdesk_ticket"
        )
        schema_editor.execute("ANALYZE helpdesk_ticket")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP STATISTICS IF EXISTS helpdesk_ticket_offices")


class Migration(migrations.Migration):
    dependencies = [("helpdesk", "0016_queue_and_desk_indexes")]

    operations = [migrations.RunPython(create, drop)]
