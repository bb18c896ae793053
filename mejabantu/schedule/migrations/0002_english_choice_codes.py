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
        ('schedule', '0001_stages_slots_events_queue'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='appointment',
            name='appointment_one_per_place',
        ),
        migrations.RemoveConstraint(
            model_name='appointment',
            name='appointment_one_per_org_and_slot',
        ),
        migrations.AlterField(
            model_name='appointment',
            name='status',
            field=models.CharField(choices=[('requested', 'requested'), ('confirmed', 'confirmed'), ('cancelled', 'cancelled')], default='requested', max_length=14, verbose_name='status'),
        ),
        migrations.AlterField(
            model_name='event',
            name='kind',
            field=models.CharField(choices=[('outreach', 'outreach session'), ('working_group', 'working-group meeting'), ('rehearsal', 'rehearsal (gladi bersih)')], max_length=14, verbose_name='kind'),
        ),
        migrations.AlterField(
            model_name='queuenumber',
            name='status',
            field=models.CharField(choices=[('waiting', 'waiting'), ('called', 'called'), ('served', 'served'), ('skipped', 'did not come')], default='waiting', max_length=10),
        ),
        migrations.AlterField(
            model_name='slot',
            name='kind',
            field=models.CharField(choices=[('consultation', 'consultation'), ('registration', 'registration arrival')], default='consultation', max_length=12),
        ),
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
