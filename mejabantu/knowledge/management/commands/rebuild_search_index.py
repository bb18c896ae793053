"""`mejabantu rebuild-search-index`: analyze every published item again."""

from django.core.management.base import BaseCommand

from mejabantu.knowledge.models import SearchEntry
from mejabantu.knowledge.services import index_rebuild


class Command(BaseCommand):
    help = "Rebuild the knowledge-base search index (answers and articles) with progress."

    def handle(self, *args, **options):
        def progress(done: int, total: int) -> None:
            if options["verbosity"] >= 1:
                self.stdout.write(f"\r  {done}/{total} items", ending="")
                if done == total:
                    self.stdout.write("")

        count = index_rebuild(progress=progress)
        indexed = SearchEntry.objects.count()
        self.stdout.write(
            self.style.SUCCESS(f"Search index rebuilt: {count} items read, {indexed} indexed.")
        )
