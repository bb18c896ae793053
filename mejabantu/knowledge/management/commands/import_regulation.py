"""`mejabantu import-regulation FILE`: import a regulation from TXT, DOCX or PDF."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mejabantu.knowledge.imports import ImportProblem, regulation_import


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
            choices=["", "uu", "pkpu", "keputusan", "putusan_mk", "surat_edaran"],
        )
        parser.add_argument("--number", default="")
        parser.add_argument("--year", type=int, default=None)
        parser.add_argument("--title", default="")
        parser.add_argument("--force", action="store_true", help="re-read even if unchanged")

    def handle(self, *args, **options):
        def progress(done: int, total: int) -> None:
            if options["verbosity"] >= 1:
                self.stdout.write(f"\r  {done}/{total} articles", ending="")
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
                f"{regulation.code}: same document as the last import; nothing changed "
                f"({report.unchanged} articles)."
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"{regulation.code}: {report.created} articles created, {report.updated} "
                    f"updated, {report.unchanged} unchanged, {report.removed} removed."
                )
            )
        if report.unparsed:
            self.stdout.write(
                self.style.WARNING(f"{len(report.unparsed)} line(s) could not be parsed:")
            )
            for lineno, text in report.unparsed:
                self.stdout.write(f"  line {lineno}: {text[:100]}")
