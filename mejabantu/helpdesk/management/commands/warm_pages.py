"""`mejabantu warm-pages [--office CODE ...]`: render every ticket's pages ahead into the
shared page store (after a deploy or an import; the worker keeps them current after that)."""

import time

from django.core.management.base import BaseCommand, CommandError

from mejabantu.helpdesk.pages import warm_all
from mejabantu.offices.models import Office


class Command(BaseCommand):
    help = "Render every ticket's page ahead for its officers and its party, with progress."

    def add_arguments(self, parser):
        parser.add_argument(
            "--office", action="append", default=[], help="Only this office (its region code)."
        )

    def handle(self, *args, office: list[str], **options):
        office_ids = None
        if office:
            found = dict(Office.objects.filter(code__in=office).values_list("code", "pk"))
            missing = sorted(set(office) - set(found))
            if missing:
                raise CommandError(f"Kantor tidak dikenal: {', '.join(missing)}.")
            office_ids = list(found.values())
        began = time.monotonic()

        def progress(done: int, total: int) -> None:
            if options["verbosity"] >= 1:
                self.stdout.write(f"\r  {done:,}/{total:,} tiket", ending="")
                if done == total:
                    self.stdout.write("")

        rendered = warm_all(office_ids=office_ids, progress=progress)
        self.stdout.write(
            self.style.SUCCESS(
                f"Halaman tiket disiapkan: {rendered:,} halaman dirender dalam "
                f"{time.monotonic() - began:.1f} detik."
            )
        )
