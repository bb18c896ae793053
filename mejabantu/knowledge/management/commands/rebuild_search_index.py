"""`mejabantu rebuild-search-index`: analyze every published item again."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from mejabantu.knowledge.models import SearchEntry
from mejabantu.knowledge.services import index_rebuild


class Command(BaseCommand):
    help = "Rebuild the knowledge-base search index (answers and articles) with progress."

    def handle(self, *args, **options):
        def progress(done: int, total: int) -> None:
            if options["verbosity"] >= 1:
                self.stdout.write(
                    "\r  " + _("%(done)s/%(total)s items") % {"done": done, "total": total},
                    ending="",
                )
                if done == total:
                    self.stdout.write("")

        count = index_rebuild(progress=progress)
        indexed = SearchEntry.objects.count()
        self.stdout.write(
            self.style.SUCCESS(
                _("Search index rebuilt: %(count)s items read, %(indexed)s indexed.")
                % {"count": count, "indexed": indexed}
            )
        )
