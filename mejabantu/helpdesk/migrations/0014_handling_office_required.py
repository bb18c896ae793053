"""The handling office is required; the handling office's queue has its own index."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("helpdesk", "0013_handling_office_of_existing_tickets")]

    operations = [
        migrations.AlterField(
            model_name="ticket",
            name="handling_office",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="handled_tickets",
                to="offices.office",
                verbose_name="handling office",
            ),
        ),
        migrations.AddIndex(
            model_name="ticket",
            index=models.Index(
                fields=["handling_office", "queue_rank", "id"], name="ticket_handling_queue"
            ),
        ),
    ]
