"""`mejabantu import-candidacy-data --kind KIND FILE`: import regions, parties, DPT, votes
or contests from CSV (columns in docs/candidacy-data.md). Nothing is written on error."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from mejabantu.candidacy.importers import KINDS, ImportFailed, import_csv


class Command(BaseCommand):
    help = "Import candidacy data from a CSV file (all rows or none)."

    def add_arguments(self, parser):
        parser.add_argument("--kind", required=True, choices=KINDS)
        parser.add_argument("file")

    def handle(self, *args, kind, file, **options):
        def progress(done, total):
            self.stdout.write(
                "  " + _("%(done)s/%(total)s rows written") % {"done": done, "total": total}
            )

        try:
            with open(file, encoding="utf-8-sig", newline="") as stream:
                report = import_csv(kind=kind, stream=stream, progress=progress)
        except FileNotFoundError as exc:
            raise CommandError(_("File %(file)s not found.") % {"file": file}) from exc
        except ImportFailed as exc:
            for line in exc.errors:
                self.stderr.write(line)
            raise CommandError(
                _(
                    "Import of %(kind)s cancelled: %(errors)s errors, nothing was saved. Correct "
                    "the file and try again."
                )
                % {"kind": kind, "errors": len(exc.errors)}
            ) from exc
        self.stdout.write(
            self.style.SUCCESS(
                _("Import of %(kind)s done: %(rows)s rows, %(created)s new, %(updated)s updated.")
                % {
                    "kind": kind,
                    "rows": report.rows,
                    "created": report.created,
                    "updated": report.updated,
                }
            )
        )
