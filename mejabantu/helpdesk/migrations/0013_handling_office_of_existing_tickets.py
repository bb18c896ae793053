"""Every ticket asked so far is handled where it was asked (one UPDATE)."""

from django.db import migrations
from django.db.models import F


def forwards(apps, schema_editor):
    Ticket = apps.get_model("helpdesk", "Ticket")
    Ticket.objects.filter(handling_office__isnull=True).update(handling_office=F("office"))


class Migration(migrations.Migration):
    dependencies = [("helpdesk", "0012_ticket_handling_office_and_hops")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
