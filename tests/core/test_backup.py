"""`mejabantu backup` and `mejabantu restore`: a backup restored into a fresh database holds
the same tickets, messages and attachments (by checksum), on the database the suite runs on."""

import json
import os
import subprocess
import uuid
from pathlib import Path

import pytest

from tests.fixtures.app_server import mejabantu_command

FILL = """
from mejabantu.accounts import demo as accounts_demo
from mejabantu.helpdesk.defaults import ensure_default_categories
from mejabantu.offices import demo as offices_demo
offices_demo.load()
accounts_demo.load()
ensure_default_categories()
from django.core.files.uploadedfile import SimpleUploadedFile
from mejabantu.accounts.models import User
from mejabantu.helpdesk import services
from tests.helpdesk.conftest import PDF, PNG
operator = User.objects.get(username="lo-partai-a")
for n in range(3):
    ticket, _ = services.ticket_create(
        actor=operator, office=operator.organisation.office, subject=f"Pertanyaan {n}",
        body="Apakah SK cukup?", category="dokumen",
        uploads=[SimpleUploadedFile(f"sk-{n}.pdf", PDF), SimpleUploadedFile("foto.png", PNG)],
    )
    services.message_add(ticket=ticket, actor=User.objects.get(username="petugas1"), body=f"Jawaban {n}")
"""

DUMP = """
import hashlib, json
from mejabantu.helpdesk.models import Attachment, Message, Ticket
print(json.dumps({
    "tickets": sorted(Ticket.objects.values_list("reference", "subject")),
    "messages": sorted(Message.objects.values_list("ticket__reference", "body")),
    "files": sorted(
        (a.original_name, hashlib.sha256(a.file.open("rb").read()).hexdigest())
        for a in Attachment.objects.all()
    ),
}, default=str))
"""


def _site(tmp_path: Path, name: str) -> dict:
    base = os.environ.get("DATABASE_URL", "")
    if base.startswith("postgres"):
        db = f"mejabantu_backup_{name}_{uuid.uuid4().hex[:6]}"
        subprocess.run(["createdb", db], check=True)
        url = f"{base.rsplit('/', 1)[0]}/{db}"
    else:
        db, url = None, f"sqlite:///{tmp_path / name}.sqlite3"
    var = tmp_path / name
    return {
        **os.environ,
        "DATABASE_URL": url,
        "MEJABANTU_DEMO": "1",
        "MEJABANTU_VAR": str(var),
        "MEDIA_ROOT": str(var / "media"),
        "EMAIL_URL": "console://",
        "CACHE_URL": "",
        "_DB": db or "",
    }


_manage = mejabantu_command


def _state(env: dict) -> dict:
    return json.loads(_manage(env, "shell", "-c", DUMP).stdout.strip().splitlines()[-1])


@pytest.fixture
def sites(tmp_path):
    made = []

    def make(name):
        env = _site(tmp_path, name)
        made.append(env)
        return env

    yield make
    for env in made:
        if env["_DB"]:
            subprocess.run(["dropdb", "--if-exists", env["_DB"]], check=False)


def test_a_backup_restored_into_a_fresh_database_holds_the_same_tickets_and_files(sites, tmp_path):
    old = sites("old")
    _manage(old, "migrate", "--no-input", "-v", "0")
    _manage(old, "shell", "-c", FILL)
    before = _state(old)
    assert len(before["files"]) >= 6
    archive = tmp_path / "cadangan.tar.gz"
    assert "Cadangan ditulis" in _manage(old, "backup", str(archive)).stdout

    new = sites("new")
    _manage(new, "migrate", "--no-input", "-v", "0")  # an empty, migrated database
    _manage(new, "restore", str(archive))
    assert _state(new) == before
    # a second restore over data needs --replace, and says so
    refused = _manage(new, "restore", str(archive), check=False)
    assert refused.returncode != 0 and "--replace" in refused.stderr


def test_a_damaged_backup_restores_nothing(sites, tmp_path):
    old = sites("old")
    _manage(old, "migrate", "--no-input", "-v", "0")
    archive = tmp_path / "cadangan.tar.gz"
    _manage(old, "backup", str(archive))
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF
    archive.write_bytes(bytes(data))
    new = sites("new")
    refused = _manage(new, "restore", str(archive), check=False)
    said = refused.stderr + refused.stdout
    assert refused.returncode != 0 and ("rusak" in said or "bukan cadangan" in said)


@pytest.mark.parametrize("start", [12, 40, 200])
def test_a_backup_damaged_inside_its_compression_is_refused_in_words(db, tmp_path, start):
    import io
    import tarfile

    from mejabantu.core.backup import BackupError, restore

    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        content = b"isi cadangan " * 2000
        info = tarfile.TarInfo("manifest.json")
        info.size = len(content)
        archive.addfile(info, io.BytesIO(content))
    data = bytearray(buffer.getvalue())
    data[start : start + 16] = b"\xff" * 16
    damaged = tmp_path / "rusak.tar.gz"
    damaged.write_bytes(bytes(data))
    with pytest.raises(BackupError):
        restore(damaged)
