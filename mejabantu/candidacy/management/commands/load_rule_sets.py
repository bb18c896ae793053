"""`mejabantu load-rule-sets`: store the rule sets shipped under candidacy/data/rulesets."""

from django.core.management.base import BaseCommand

from mejabantu.candidacy.services import rule_sets_sync_shipped


class Command(BaseCommand):
    help = "Store (or refresh) the shipped candidacy rule sets as published."

    def handle(self, *args, **options):
        stored = rule_sets_sync_shipped()
        for rule_set in stored:
            self.stdout.write(
                f"{rule_set.code}: {rule_set.name} (berlaku {rule_set.effective_date})"
            )
        self.stdout.write(self.style.SUCCESS(f"{len(stored)} aturan tersimpan."))
