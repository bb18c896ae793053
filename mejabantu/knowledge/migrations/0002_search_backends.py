"""Create the vendor side of the search index: SQLite FTS5 tables or a PostgreSQL tsvector.

Both store the analyzer's tokens as they are (no stemming by the database): FTS5 with the
unicode61 tokenizer keeping '_' inside tokens, PostgreSQL with a tsvector built from the
tokens (weight A for the title, B for the body) and a GIN index.
"""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE knowledge_search_fts USING fts5("
    "title, body, tokenize = \"unicode61 tokenchars '_'\")",
    "CREATE VIRTUAL TABLE knowledge_search_vocab USING fts5vocab(knowledge_search_fts, 'row')",
]
SQLITE_BACKWARD = [
    "DROP TABLE IF EXISTS knowledge_search_vocab",
    "DROP TABLE IF EXISTS knowledge_search_fts",
]
POSTGRES_FORWARD = [
    "ALTER TABLE knowledge_searchentry ADD COLUMN vector tsvector NOT NULL DEFAULT ''::tsvector",
    "CREATE INDEX knowledge_searchentry_vector ON knowledge_searchentry USING GIN (vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS knowledge_searchentry_vector",
    "ALTER TABLE knowledge_searchentry DROP COLUMN IF EXISTS vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_regulations_answers_and_index")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
