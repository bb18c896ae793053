"""Choice fields take English codes (the schema part: choices, wider columns).

The rows are rewritten in the next migration: on PostgreSQL a column cannot be altered in
the transaction that updated its rows, so backwards runs each in its own.
"""

from django.db import migrations, models


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
    ]
