"""`mejabantu import-regions [FILE]`: load the Kemendagri regions (the shipped list by default)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from mejabantu.offices.network import DATA_FILE, RegionsImportFailed, regions_import


class Command(BaseCommand):
    help = (
        "Load the 38 provinces and 514 kabupaten/kota (mejabantu/offices/data/regions.csv), "
        "or the regions of a CSV file with the same columns. Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="a CSV file (default: the shipped list)")

    def handle(self, *args, file=None, **options):
        def progress(done, total):
            self.stdout.write(
                "  " + _("%(done)s/%(total)s regions checked") % {"done": done, "total": total}
            )

        try:
            if file:
                with open(file, encoding="utf-8-sig", newline="") as stream:
                    report = regions_import(stream=stream, progress=progress)
            else:
                self.stdout.write(_("Regions from %(file)s") % {"file": DATA_FILE.name})
                report = regions_import(progress=progress)
        except FileNotFoundError as exc:
            raise CommandError(_("File %(file)s not found.") % {"file": file}) from exc
        except RegionsImportFailed as exc:
            for line in exc.errors:
                self.stderr.write(line)
            raise CommandError(
                _("Import of regions cancelled, nothing was saved. Correct the file and try again.")
            ) from exc
        self.stdout.write(
            self.style.SUCCESS(
                _("Regions: %(created)s new, %(updated)s updated, %(unchanged)s unchanged.")
                % vars(report)
            )
        )
