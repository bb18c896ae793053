"""Choice fields take English codes (the schema part: choices, wider columns).

The rows are rewritten in the next migration: on PostgreSQL a column cannot be altered in
the transaction that updated its rows, so backwards runs each in its own.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('helpdesk', '0008_ticket_page_version'),
    ]

    operations = [
        migrations.AlterField(
            model_name='ticket',
            name='channel',
            field=models.CharField(choices=[('web', 'web'), ('desk', 'walk-in'), ('phone', 'phone'), ('email', 'e-mail'), ('whatsapp', 'WhatsApp')], default='web', max_length=10, verbose_name='channel'),
        ),
        migrations.AlterField(
            model_name='ticket',
            name='priority',
            field=models.CharField(choices=[('low', 'low'), ('normal', 'normal'), ('high', 'high'), ('urgent', 'urgent')], default='normal', max_length=10, verbose_name='priority'),
        ),
        migrations.AlterField(
            model_name='ticket',
            name='status',
            field=models.CharField(choices=[('new', 'new'), ('in_progress', 'in progress'), ('waiting', 'waiting on requester'), ('resolved', 'resolved'), ('closed', 'closed')], default='new', max_length=12, verbose_name='status'),
        ),
    ]
