"""`mejabantu restore FILE`: load a backup into this site's (empty) database and media."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from mejabantu.core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup made by `mejabantu backup` into an empty database."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--replace", action="store_true", help="Replace a database that holds data."
        )

    def handle(self, *args: Any, file: Path, replace: bool, **options: Any) -> None:
        try:
            manifest = restore(file, replace=replace, progress=self.stdout.write)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                _("Restored the backup of %(when)s.") % {"when": manifest["created_at"]}
            )
        )
