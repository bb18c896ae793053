"""Tokens issued before they could expire end 90 days after they were made."""

from datetime import timedelta

from django.db import migrations
from django.db.models import F


def expire(apps, schema_editor):
    ApiToken = apps.get_model("accounts", "ApiToken")
    ApiToken.objects.filter(expires_at__isnull=True).update(
        expires_at=F("created_at") + timedelta(days=90)
    )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0005_api_token_expiry_and_name")]
    operations = [migrations.RunPython(expire, migrations.RunPython.noop)]
