"""Choice fields take English codes (the schema part: choices, wider columns).

The rows are rewritten in the next migration: on PostgreSQL a column cannot be altered in
the transaction that updated its rows, so backwards runs each in its own.
"""

from django.db import migrations, models


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
    ]
