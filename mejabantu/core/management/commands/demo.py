"""Load the demo data of KPU Kabupaten Belitung (idempotent)."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from mejabantu.core.demo import loaders


class Command(BaseCommand):
    help = "Load the demo data of KPU Kabupaten Belitung; running it again changes nothing."

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override("id"):
            for load in loaders():
                if options["verbosity"] > 0:
                    self.stdout.write(f"{load.__module__} ...")
                load()
        if options["verbosity"] > 0:
            self.stdout.write(self.style.SUCCESS(_("Demo data ready.")))
