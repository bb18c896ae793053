"""The store of pages rendered ahead on one machine: Django's file cache, without its cull,
with a folder per version of the code.

Django's file cache lists every file of its directory on each write to decide whether to
cull; with a page per ticket and audience (tens of thousands of files) that costs more than
rendering the page. Entries here are replaced in place (one file per page, see
core.cached_pages), so the store only grows with the number of pages; the worker deletes what
expired once a day (``prune``).

A page stored by one version of the code is never served by another (its key carries the
version), so after a deploy the old version's pages are dead weight: about 5 KB per ticket
and audience. Keys of the page store carry the code version third (``page:3:<version>:…``,
``pages:warmed-to:<version>:…``), and each version's files go to a folder of their own, which
``prune`` deletes whole once no file was written to it for a day (a version still running
somewhere, during a deploy, keeps writing to its folder).
"""

import os
import re
import shutil
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache

OTHER_VERSIONS_KEPT_FOR = 24 * 3600  # seconds since the last write to a version's folder
_VERSION = re.compile(r"[0-9a-f]{16}")


def version_of(key: str) -> str | None:
    """The code version a page store key carries (third, see the module's docstring)."""
    parts = key.split(":", 3)
    if len(parts) > 2 and _VERSION.fullmatch(parts[2]):
        return parts[2]
    return None


class PageFileCache(FileBasedCache):
    def _key_to_file(self, key, version=None):
        path = super()._key_to_file(key, version)
        folder = version_of(key)
        if folder is None:
            return path
        return os.path.join(self._dir, folder, os.path.basename(path))

    def _folder_for(self, key, version) -> None:
        """Make the folder the key's file goes to (on write only, never on read)."""
        os.makedirs(os.path.dirname(self._key_to_file(key, version)), mode=0o700, exist_ok=True)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._folder_for(key, version)
        super().set(key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._folder_for(key, version)
        return super().add(key, value, timeout, version)

    def _cull(self) -> None:
        """No cull on write (see the module's docstring)."""

    def _folders(self) -> list[str]:
        try:
            found = os.scandir(self._dir)
        except FileNotFoundError:
            return []
        with found:
            return [entry.path for entry in found if entry.is_dir()]

    def _list_cache_files(self) -> list[str]:
        """Every file of the store, in the versions' folders too."""
        files = super()._list_cache_files()
        for folder in self._folders():
            files += [entry.path for entry in os.scandir(folder) if entry.is_file()]
        return files

    def prune(self, current_version: str | None = None) -> int:
        """Delete the expired files, and the folders of other versions of the code no file
        was written to for a day; return how many files went."""
        removed = 0
        for folder in self._folders():
            if os.path.basename(folder) == current_version:
                continue
            try:
                idle = time.time() - os.stat(folder).st_mtime
                if idle > OTHER_VERSIONS_KEPT_FOR:
                    count = sum(1 for _ in os.scandir(folder))
                    shutil.rmtree(folder)
                    removed += count
            except FileNotFoundError:  # removed by another process meanwhile
                pass
        for name in self._list_cache_files():
            try:
                with open(name, "rb") as f:
                    removed += self._is_expired(f)
            except FileNotFoundError:
                pass
        return removed


def prune_pages() -> int:
    """The worker's daily job: prune the page store if it is made of files."""
    from mejabantu.core.cached_pages import code_version, page_store

    store = page_store()
    return store.prune(code_version()) if isinstance(store, PageFileCache) else 0
