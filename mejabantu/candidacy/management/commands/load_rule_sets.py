"""`mejabantu load-rule-sets`: store the rule sets shipped under candidacy/data/rulesets."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from mejabantu.candidacy.services import rule_sets_sync_shipped


class Command(BaseCommand):
    help = "Store (or refresh) the shipped candidacy rule sets as published."

    def handle(self, *args, **options):
        stored = rule_sets_sync_shipped()
        for rule_set in stored:
            self.stdout.write(
                _("%(code)s: %(name)s (in force from %(date)s)")
                % {"code": rule_set.code, "name": rule_set.name, "date": rule_set.effective_date}
            )
        self.stdout.write(
            self.style.SUCCESS(_("%(count)s rule sets stored.") % {"count": len(stored)})
        )
