"""`mejabantu import-candidacy-data --kind KIND FILE`: import regions, parties, DPT, votes
or contests from CSV (columns in docs/candidacy-data.md). Nothing is written on error."""

from django.core.management.base import BaseCommand, CommandError

from mejabantu.candidacy.importers import KINDS, ImportFailed, import_csv


class Command(BaseCommand):
    help = "Import candidacy data from a CSV file (all rows or none)."

    def add_arguments(self, parser):
        parser.add_argument("--kind", required=True, choices=KINDS)
        parser.add_argument("file")

    def handle(self, *args, kind, file, **options):
        def progress(done, total):
            self.stdout.write(f"  {done}/{total} baris ditulis")

        try:
            with open(file, encoding="utf-8-sig", newline="") as stream:
                report = import_csv(kind=kind, stream=stream, progress=progress)
        except FileNotFoundError as exc:
            raise CommandError(f"Berkas {file} tidak ditemukan.") from exc
        except ImportFailed as exc:
            for line in exc.errors:
                self.stderr.write(line)
            raise CommandError(
                f"Impor {kind} dibatalkan: {len(exc.errors)} kesalahan, tidak ada data yang "
                "disimpan. Perbaiki berkas lalu ulangi."
            ) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Impor {kind} selesai: {report.rows} baris, {report.created} baru, "
                f"{report.updated} diperbarui."
            )
        )
