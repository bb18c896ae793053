"""Stored choice values become English codes; the labels (and so the pages) do not change."""

from django.db import migrations, models

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
        ('offices', '0003_office_setup_version_office_tickets_version'),
    ]

    operations = [
        migrations.AlterField(
            model_name='closure',
            name='kind',
            field=models.CharField(choices=[('collective_leave', 'collective leave (cuti bersama)'), ('holiday', 'holiday'), ('closure', 'local closure')], default='closure', max_length=20, verbose_name='kind'),
        ),
        migrations.AlterField(
            model_name='slapolicy',
            name='priority',
            field=models.CharField(blank=True, choices=[('low', 'low'), ('normal', 'normal'), ('high', 'high'), ('urgent', 'urgent')], help_text='Blank applies to any priority.', max_length=10, verbose_name='priority'),
        ),
        migrations.RunPython(forwards, backwards),
    ]
