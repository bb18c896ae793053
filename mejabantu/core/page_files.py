"""The store of pages rendered ahead on one machine: Django's file cache, without its cull.

Django's file cache lists every file of its directory on each write to decide whether to
cull; with a page per ticket and audience (tens of thousands of files) that costs more than
rendering the page. Entries here are replaced in place (one file per page, see
core.cached_pages), so the directory only grows with the number of pages; the worker deletes
what expired once a day (``prune``).
"""

from django.core.cache.backends.filebased import FileBasedCache


class PageFileCache(FileBasedCache):
    def _cull(self) -> None:
        """No cull on write (see the module's docstring)."""

    def prune(self) -> int:
        """Delete the expired files; return how many."""
        removed = 0
        for name in self._list_cache_files():
            try:
                with open(name, "rb") as f:
                    removed += self._is_expired(f)
            except FileNotFoundError:  # removed by another process meanwhile
                pass
        return removed


def prune_pages() -> int:
    """The worker's daily job: prune the page store if it is made of files."""
    from mejabantu.core.cached_pages import page_store

    store = page_store()
    return store.prune() if isinstance(store, PageFileCache) else 0
