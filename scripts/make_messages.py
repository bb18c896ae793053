"""Update each app's Indonesian catalogue (mejabantu/<app>/locale/id) from the source."""

import os
import subprocess
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent / "mejabantu"
for app in sorted(p for p in root.iterdir() if (p / "apps.py").exists()):
    (app / "locale").mkdir(exist_ok=True)
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
            "--no-obsolete",
            "-i",
            "migrations/*",
        ],
        cwd=app,
        check=True,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "mejabantu.settings",
            "PYTHONPATH": str(root.parent),
        },
    )
    print(f"updated {app.name}")
