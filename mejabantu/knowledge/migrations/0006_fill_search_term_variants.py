"""Give the words already in the vocabulary their variants (new words get them when indexed).

The rule is copied here (a migration must not change when the app's code does): every word of
five letters or more, with each of its letters left out in turn.
"""

from django.db import migrations

MIN_FUZZY_LENGTH = 5


def fill(apps, schema_editor):
    SearchTerm = apps.get_model("knowledge", "SearchTerm")
    SearchTermVariant = apps.get_model("knowledge", "SearchTermVariant")
    batch = []
    words = SearchTerm.objects.order_by("word").values_list("word", flat=True)
    for word in words.iterator(chunk_size=2000):
        if len(word) >= MIN_FUZZY_LENGTH:
            variants = sorted({word[:i] + word[i + 1 :] for i in range(len(word))})
            batch.extend(SearchTermVariant(variant=v, word=word) for v in variants)
        if len(batch) >= 5000:
            SearchTermVariant.objects.bulk_create(batch, ignore_conflicts=True)
            batch = []
    SearchTermVariant.objects.bulk_create(batch, ignore_conflicts=True)
    if schema_editor.connection.vendor == "postgresql":  # plan lookups on the filled table
        schema_editor.execute("ANALYZE knowledge_searchtermvariant")


def empty(apps, schema_editor):
    apps.get_model("knowledge", "SearchTermVariant").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0005_search_term_variants")]

    operations = [migrations.RunPython(fill, empty)]
