"""`mejabantu import-regulation FILE`: import a regulation from TXT, DOCX or PDF."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from mejabantu.knowledge.imports import ImportProblem, regulation_import
from mejabantu.knowledge.models import Regulation


class Command(BaseCommand):
    help = (
        "Import a regulation (plain text, DOCX, or PDF with a text layer): split it into "
        "BAB / Pasal / ayat / huruf, keep the numbers, and index it. Importing the same "
        "document again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--code", default="", help="regulation code, e.g. pkpu-8-2024")
        parser.add_argument(
            "--kind",
            default="",
            choices=["", *Regulation.Kind.values],
        )
        parser.add_argument("--number", default="")
        parser.add_argument("--year", type=int, default=None)
        parser.add_argument("--title", default="")
        parser.add_argument("--force", action="store_true", help="re-read even if unchanged")

    def handle(self, *args, **options):
        def progress(done: int, total: int) -> None:
            if options["verbosity"] >= 1:
                self.stdout.write(
                    "\r  " + _("%(done)s/%(total)s articles") % {"done": done, "total": total},
                    ending="",
                )
                if done == total:
                    self.stdout.write("")

        try:
            report = regulation_import(
                path=options["file"],
                code=options["code"],
                kind=options["kind"],
                number=options["number"],
                year=options["year"],
                title=options["title"],
                force=options["force"],
                progress=progress,
            )
        except ImportProblem as exc:
            raise CommandError(str(exc)) from exc
        regulation = report.regulation
        if report.skipped_same_document:
            self.stdout.write(
                _(
                    "%(code)s: same document as the last import; nothing changed "
                    "(%(unchanged)s articles)."
                )
                % {"code": regulation.code, "unchanged": report.unchanged}
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    _(
                        "%(code)s: %(created)s articles created, %(updated)s updated, "
                        "%(unchanged)s unchanged, %(removed)s removed."
                    )
                    % {
                        "code": regulation.code,
                        "created": report.created,
                        "updated": report.updated,
                        "unchanged": report.unchanged,
                        "removed": report.removed,
                    }
                )
            )
        if report.unparsed:
            self.stdout.write(
                self.style.WARNING(
                    _("%(count)s line(s) could not be parsed:") % {"count": len(report.unparsed)}
                )
            )
            for lineno, text in report.unparsed:
                self.stdout.write(
                    "  " + _("line %(line)s: %(text)s") % {"line": lineno, "text": text[:100]}
                )
