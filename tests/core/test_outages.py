"""The product rides out a database outage: the worker waits and carries on, `mejabantu run`
starts a child again that died. Real processes against a PostgreSQL cluster of the test's
own, stopped and started as an operator or a failover would."""

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.fixtures.app_server import _free_port, mejabantu_command

ASK = """
from mejabantu.helpdesk.models import Category
from mejabantu.helpdesk.services import ticket_create
from mejabantu.offices.models import Office
office, _ = Office.objects.get_or_create(
    code="19.02", defaults={"name": "KPU Kabupaten Belitung", "short_code": "BLT", "level": "kabupaten"}
)
ticket_create(actor=None, office=office, subject="SUBJECT", body="Apakah syarat usia berubah?",
              category=Category.objects.filter(office=None).first(),
              requester_name="Warga", requester_email="warga@example.org")
"""


def _env(cluster, tmp_path: Path, smtp_port: int) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": cluster.url,
        "MEJABANTU_DEMO": "1",
        "MEJABANTU_VAR": str(tmp_path),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "CACHE_URL": "",
    }


_manage = mejabantu_command


def _wait_for(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def test_the_worker_waits_out_a_database_restart_and_sends_what_was_asked(
    private_postgres, smtp_server, tmp_path
):
    inbox, smtp_port = smtp_server
    env = _env(private_postgres, tmp_path, smtp_port)
    _manage(env, "migrate", "--no-input", "-v", "0")
    log = tmp_path / "worker.log"
    with log.open("w") as out:
        worker = subprocess.Popen(
            [sys.executable, "-m", "mejabantu", "worker", "--interval", "0.2"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        _manage(env, "shell", "-c", ASK.replace("SUBJECT", "Sebelum gangguan"))
        assert len(inbox.wait_for(1, timeout=20)) == 1

        private_postgres.stop()
        assert _wait_for(lambda: "database unavailable" in log.read_text(), timeout=20)
        time.sleep(2)  # several rounds without a database
        assert worker.poll() is None, log.read_text()

        private_postgres.start()
        _manage(env, "shell", "-c", ASK.replace("SUBJECT", "Sesudah gangguan"))
        assert len(inbox.wait_for(2, timeout=30)) == 2, log.read_text()
        assert "Sesudah gangguan" in inbox.messages[1]["Subject"] or any(
            "Sesudah gangguan" in inbox.body(m) for m in inbox.messages
        )
        assert worker.poll() is None
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=15)


def _serves(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback
            return response.status == 200
    except OSError:
        return False


def test_run_starts_the_web_server_again_after_it_died(tmp_path):
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'run.sqlite3'}",
        "MEJABANTU_DEMO": "1",
        "MEJABANTU_VAR": str(tmp_path),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "EMAIL_URL": "console://",
        "CACHE_URL": "",
    }
    _manage(env, "migrate", "--no-input", "-v", "0")
    run = subprocess.Popen(
        [sys.executable, "-m", "mejabantu", "run", "--port", str(port), "--no-worker", "--no-demo"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/akun/masuk/"
    try:
        assert _wait_for(lambda: _serves(url), timeout=60)
        children = subprocess.run(
            ["pgrep", "-P", str(run.pid)], capture_output=True, text=True, check=True
        ).stdout.split()
        for pid in children:
            os.kill(int(pid), signal.SIGKILL)  # the web server dies
        assert _wait_for(lambda: not _serves(url), timeout=10)
        assert _wait_for(lambda: _serves(url), timeout=60)  # and serves again by itself
        assert run.poll() is None
    finally:
        os.killpg(run.pid, signal.SIGTERM)
        run.wait(timeout=20)
