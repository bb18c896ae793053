import os
import subprocess
import sys

import pytest


def _run(
    env_extra: dict, code: str = "import django; django.setup()"
) -> subprocess.CompletedProcess:
    env = {
        k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "MEJABANTU_DEMO"}
    }
    env.update({"DJANGO_SETTINGS_MODULE": "mejabantu.settings", **env_extra})
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)


def test_production_without_secret_key_refuses_to_start(tmp_path):
    result = _run({"MEJABANTU_VAR": str(tmp_path), "ALLOWED_HOSTS": "x"})
    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr


def test_demo_mode_generates_and_keeps_a_secret_key(tmp_path):
    code = "from django.conf import settings; print(settings.SECRET_KEY)"
    first = _run({"MEJABANTU_VAR": str(tmp_path), "MEJABANTU_DEMO": "1"}, code)
    second = _run({"MEJABANTU_VAR": str(tmp_path), "MEJABANTU_DEMO": "1"}, code)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == second.stdout.strip()
    assert len(first.stdout.strip()) > 40
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


def test_production_profile_passes_check_deploy(tmp_path):
    env = {
        "MEJABANTU_VAR": str(tmp_path),
        "SECRET_KEY": "x" * 20 + "production-secret-value-with-enough-entropy-1234567890",
        "ALLOWED_HOSTS": "mejabantu.kpu.example",
        "MEJABANTU_SECURE": "1",
    }
    code = (
        "import sys; from django.core.management import execute_from_command_line;"
        "execute_from_command_line(['m', 'check', '--deploy', '--fail-level', 'WARNING'])"
    )
    result = _run(env, code)
    assert result.returncode == 0, result.stderr + result.stdout


def test_production_hashes_passwords_with_argon2(tmp_path):
    code = "from django.conf import settings; print(settings.PASSWORD_HASHERS[0])"
    result = _run(
        {"MEJABANTU_VAR": str(tmp_path), "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "x"}, code
    )
    assert result.stdout.strip() == "django.contrib.auth.hashers.Argon2PasswordHasher", (
        result.stderr
    )


@pytest.mark.parametrize("value", ["0", ""])
def test_debug_is_off_unless_asked(value, tmp_path):
    code = "from django.conf import settings; print(settings.DEBUG)"
    result = _run({"MEJABANTU_VAR": str(tmp_path), "MEJABANTU_DEMO": "1", "DEBUG": value}, code)
    assert result.stdout.strip() == "False"


def test_postgresql_connections_are_kept_and_checked_before_use(tmp_path):
    env = {
        "MEJABANTU_VAR": str(tmp_path),
        "MEJABANTU_DEMO": "1",
        "DATABASE_URL": "postgres://mejabantu@db.example/mejabantu",
    }
    code = (
        "from django.conf import settings; d = settings.DATABASES['default']; "
        "print(d['ENGINE'], d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
    )
    result = _run(env, code)
    assert result.stdout.split() == ["django.db.backends.postgresql", "60", "True"], result.stderr
