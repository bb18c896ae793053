"""Stored choice values become English codes; the labels (and so the pages) do not change."""

from django.db import migrations

# Frozen here: the models' enums may change again, this migration must not.
CODES = {
    ("Closure", "kind"): {
        "cuti_bersama": "collective_leave",
        "libur": "holiday",
        "penutupan": "closure",
    },
    ("SlaPolicy", "priority"): {"rendah": "low", "tinggi": "high", "mendesak": "urgent"},
}


def _rewrite(apps, reverse=False):
    for (model, field), values in CODES.items():
        Model = apps.get_model("offices", model)
        for old, new in values.items():
            if reverse:
                old, new = new, old
            Model.objects.filter(**{field: old}).update(**{field: new})


def forwards(apps, schema_editor):
    _rewrite(apps)


def backwards(apps, schema_editor):
    _rewrite(apps, reverse=True)


class Migration(migrations.Migration):

    dependencies = [
        ('offices', '0004_english_choice_codes'),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
