"""Backup and restore of everything an office keeps: the database and the attachments.

A backup is one ``.tar.gz`` file holding ``manifest.json`` (when, which database, the
SHA-256 of every file), the database (SQLite's online backup of the file, or ``pg_dump``'s
custom format) and ``media/`` (attachments, announcement files). A restore checks every
checksum before it writes anything, then loads the database (SQLite: the file; PostgreSQL:
``pg_restore``) and the files. It restores into an empty database unless told to replace.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection
from django.utils.translation import gettext as _

FORMAT = 1
Progress = Callable[[str], None]


class BackupError(Exception):
    """A backup or restore that cannot go on, with a message saying what to do."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _pg_env() -> tuple[list[str], dict[str, str]]:
    db = settings.DATABASES["default"]
    args = []
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def _run(argv: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(argv, env=env, capture_output=True, text=True)  # noqa: S603
    if done.returncode != 0:
        raise BackupError(
            _("%(program)s failed: %(error)s") % {"program": argv[0], "error": done.stderr[-500:]}
        )


def backup(target: Path, progress: Progress = lambda _line: None) -> dict[str, Any]:
    """Write a backup to ``target``; return its manifest."""
    vendor = connection.vendor
    with tempfile.TemporaryDirectory(prefix="mejabantu-backup-") as tmp:
        work = Path(tmp)
        if vendor == "sqlite":
            database = work / "database.sqlite3"
            connection.ensure_connection()
            with sqlite3.connect(database) as copy:
                connection.connection.backup(copy)  # consistent while the site keeps serving
            copy.close()
        elif vendor == "postgresql":
            database = work / "database.dump"
            args, env = _pg_env()
            name = str(settings.DATABASES["default"]["NAME"])
            _run(
                ["pg_dump", "--format=custom", "--no-owner", *args, "--file", str(database), name],
                env,
            )
        else:
            raise BackupError(_("Backups support SQLite and PostgreSQL only."))
        progress(_("database copied"))
        media = Path(settings.MEDIA_ROOT)
        files = sorted(p for p in media.rglob("*") if p.is_file()) if media.exists() else []
        manifest = {
            "format": FORMAT,
            "created_at": datetime.now(UTC).isoformat(),
            "vendor": vendor,
            "database": database.name,
            "database_sha256": _sha256(database),
            "media": {str(p.relative_to(media)): _sha256(p) for p in files},
        }
        (work / "manifest.json").write_text(json.dumps(manifest, indent=1))
        partial = target.with_name(target.name + ".part")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(work / "manifest.json", "manifest.json")
            archive.add(database, database.name)
            for n, path in enumerate(files, 1):
                archive.add(path, f"media/{path.relative_to(media)}")
                if n % 500 == 0:
                    progress(_("%(n)s of %(total)s files") % {"n": n, "total": len(files)})
        partial.replace(target)  # a half-written backup never has the final name
    progress(_("%(n)s files") % {"n": len(files)})
    return manifest


def _holds_data() -> bool:
    """Whether the database has tickets or accounts (a migrated, empty one has neither)."""
    tables = connection.introspection.table_names()
    with connection.cursor() as cursor:
        for table in ("helpdesk_ticket", "accounts_user"):
            if table in tables:
                cursor.execute(f"SELECT 1 FROM {table} LIMIT 1")  # noqa: S608 - fixed names
                if cursor.fetchone():
                    return True
    return False


def restore(
    source: Path, *, replace: bool = False, progress: Progress = lambda _line: None
) -> dict[str, Any]:
    """Restore a backup into this site's database and media folder; return its manifest."""
    with tempfile.TemporaryDirectory(prefix="mejabantu-restore-") as tmp:
        work = Path(tmp)
        try:
            with tarfile.open(source, "r:gz") as archive:
                archive.extractall(work, filter="data")  # refuses links and paths outside
        except (OSError, EOFError, zlib.error, tarfile.TarError) as exc:
            # a damaged gzip stream fails in zlib or ends early, not only as an OSError
            raise BackupError(
                _("%(file)s is not a Mejabantu backup (%(error)s).")
                % {"file": source, "error": exc}
            ) from exc
        try:
            manifest: dict[str, Any] = json.loads((work / "manifest.json").read_text())
        except (OSError, UnicodeError, ValueError) as exc:  # missing, or garbled
            raise BackupError(
                _("%(file)s is not a Mejabantu backup (%(error)s).")
                % {"file": source, "error": exc}
            ) from exc
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise BackupError(_("This backup was made by another version of Mejabantu."))
        if manifest["vendor"] != connection.vendor:
            raise BackupError(
                _("This backup is of a %(theirs)s database; this site runs on %(ours)s.")
                % {"theirs": manifest["vendor"], "ours": connection.vendor}
            )
        database = work / manifest["database"]
        broken = [
            name
            for name, digest in manifest["media"].items()
            if _sha256(work / "media" / name) != digest
        ]
        if _sha256(database) != manifest["database_sha256"] or broken:
            raise BackupError(
                _("The backup is damaged: its checksums do not match. Nothing was restored.")
            )
        progress(_("checksums verified"))
        if not replace and _holds_data():
            raise BackupError(
                _(
                    "The database already holds data. Restore into an empty database, or pass --replace."
                )
            )
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            with sqlite3.connect(database) as copy:
                copy.backup(connection.connection)
            copy.close()
        else:
            args, env = _pg_env()
            name = str(settings.DATABASES["default"]["NAME"])
            clean = ["--clean", "--if-exists"] if connection.introspection.table_names() else []
            connection.close()
            _run(["pg_restore", "--no-owner", *clean, *args, "--dbname", name, str(database)], env)
        progress(_("database restored"))
        media = Path(settings.MEDIA_ROOT)
        for name in manifest["media"]:
            (media / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(work / "media" / name, media / name)
        progress(_("%(n)s files restored") % {"n": len(manifest["media"])})
    return manifest
