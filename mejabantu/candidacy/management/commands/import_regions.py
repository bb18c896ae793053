"""`mejabantu import-regions FILE`: shortcut for `import-candidacy-data --kind regions FILE`."""

from mejabantu.candidacy.management.commands.import_candidacy_data import Command as _Base


class Command(_Base):
    help = "Import regions for candidacy checks from a CSV file (all rows or none)."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        return super().handle(*args, kind="regions", file=file, **options)
