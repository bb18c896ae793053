"""Every user-facing string has an Indonesian translation (docs/decisions/0001)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2] / "mejabantu"
APPS = sorted(p.name for p in ROOT.iterdir() if (p / "apps.py").exists())


@pytest.mark.parametrize("app", APPS)
def test_indonesian_catalogue_has_no_empty_or_fuzzy_entry(app):
    po = polib.pofile(str(ROOT / app / "locale/id/LC_MESSAGES/django.po"))
    bad = [e.msgid for e in po if e.fuzzy or not (e.msgstr or any(e.msgstr_plural.values()))]
    assert bad == [], f"{app}: translate these in locale/id (make makemessages): {bad[:10]}"


@pytest.mark.skipif(not shutil.which("xgettext"), reason="needs gettext (make test installs it)")
@pytest.mark.parametrize("app", APPS)
def test_every_translatable_string_is_in_the_catalogue(app, tmp_path):
    copy = tmp_path / app
    shutil.copytree(ROOT / app, copy, ignore=shutil.ignore_patterns("*.mo", "__pycache__"))
    shutil.rmtree(copy / "locale")
    (copy / "locale").mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mejabantu.settings",
        "PYTHONPATH": str(ROOT.parent),
        "MEJABANTU_DEMO": "1",
    }
    subprocess.run(
        [
            sys.executable,
            "-P",
            "-m",
            "django",
            "makemessages",
            "-l",
            "id",
            "--no-location",
            "-i",
            "migrations/*",
        ],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
    )
    fresh = {e.msgid for e in polib.pofile(str(copy / "locale/id/LC_MESSAGES/django.po"))}
    known = {e.msgid for e in polib.pofile(str(ROOT / app / "locale/id/LC_MESSAGES/django.po"))}
    missing = sorted(fresh - known)
    assert missing == [], f"{app}: run `make makemessages` and translate: {missing[:10]}"
