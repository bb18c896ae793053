"""PostgreSQL: write the search GIN index directly, without its pending list.

With ``fastupdate`` on (the default) new entries wait in an unsorted pending list until the
next VACUUM; every search scans that whole list, and the planner, counting its pages, falls
back to reading the whole table. After a bulk import (thousands of entries) this made a
search several times slower until autovacuum came by. The knowledge base is written rarely
and read often, so entries go straight into the index; the list left by earlier writes is
flushed here.
"""

from django.db import migrations

FORWARD = [
    "ALTER INDEX knowledge_searchentry_vector SET (fastupdate = off)",
    "SELECT gin_clean_pending_list('knowledge_searchentry_vector'::regclass)",
]
BACKWARD = ["ALTER INDEX knowledge_searchentry_vector RESET (fastupdate)"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0003_index_term_frequencies")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
