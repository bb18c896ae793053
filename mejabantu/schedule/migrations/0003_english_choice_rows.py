"""Stored choice values become English codes; the labels (and so the pages) do not change.

The appointment constraints name the cancelled status, so they are dropped before the rows
are rewritten and made again after.
"""

from django.db import migrations, models

# Frozen here: the models' enums may change again, this migration must not.
CODES = {
    ("Slot", "kind"): {"konsultasi": "consultation", "pendaftaran": "registration"},
    ("Appointment", "status"): {
        "diminta": "requested",
        "dikonfirmasi": "confirmed",
        "dibatalkan": "cancelled",
    },
    ("Event", "kind"): {
        "sosialisasi": "outreach",
        "pokja": "working_group",
        "gladi": "rehearsal",
    },
    ("QueueNumber", "status"): {
        "menunggu": "waiting",
        "dipanggil": "called",
        "dilayani": "served",
        "dilewati": "skipped",
    },
}


def _rewrite(apps, reverse=False):
    for (model, field), values in CODES.items():
        Model = apps.get_model("schedule", model)
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
        ('schedule', '0002_english_choice_codes'),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.AddConstraint(
            model_name='appointment',
            constraint=models.UniqueConstraint(condition=models.Q(('status', 'cancelled'), _negated=True), fields=('slot', 'place'), name='appointment_one_per_place'),
        ),
        migrations.AddConstraint(
            model_name='appointment',
            constraint=models.UniqueConstraint(condition=models.Q(('status', 'cancelled'), _negated=True), fields=('slot', 'organisation'), name='appointment_one_per_org_and_slot'),
        ),
    ]
