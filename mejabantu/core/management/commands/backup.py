"""`mejabantu backup FILE`: the database and the attachments in one archive."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from mejabantu.core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Write a backup (database and attachments) to a .tar.gz file."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, file: Path, **options: Any) -> None:
        try:
            manifest = backup(file, progress=self.stdout.write)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                _("Backup written to %(file)s (%(n)s files).")
                % {"file": file, "n": len(manifest["media"])}
            )
        )
