"""A ticket's handling office (empty until 0013 fills it) and its hops between offices."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("helpdesk", "0011_move_outbox_to_mail"),
        ("offices", "0005_english_choice_rows"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="ticket",
            name="handling_office",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="handled_tickets",
                to="offices.office",
                verbose_name="handling office",
            ),
        ),
        migrations.CreateModel(
            name="TicketHop",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("escalate", "escalated"),
                            ("forward", "forwarded"),
                            ("return", "returned"),
                        ],
                        max_length=10,
                        verbose_name="kind",
                    ),
                ),
                ("reason", models.TextField(verbose_name="reason")),
                ("actor_name", models.CharField(max_length=150, verbose_name="by")),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="at"),
                ),
                (
                    "actor",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="by",
                    ),
                ),
                (
                    "from_office",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="offices.office",
                        verbose_name="from office",
                    ),
                ),
                (
                    "ticket",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="hops",
                        to="helpdesk.ticket",
                        verbose_name="ticket",
                    ),
                ),
                (
                    "to_office",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="offices.office",
                        verbose_name="to office",
                    ),
                ),
            ],
            options={
                "verbose_name": "ticket hop",
                "verbose_name_plural": "ticket hops",
                "ordering": ["created_at", "id"],
                "indexes": [
                    models.Index(fields=["ticket", "created_at"], name="hop_ticket_time")
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("from_office", models.F("to_office")), _negated=True),
                        name="hop_moves_to_another_office",
                    )
                ],
            },
        ),
    ]
