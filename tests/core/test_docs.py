"""docs/api.md and .env.example hold what the code does: every endpoint, every variable."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
# Read from the environment, but not settings for an install: the process's own settings module,
# and the frozen clock of tests and demos (offices/clock.py documents it).
NOT_SETTINGS = {"DJANGO_SETTINGS_MODULE", "MEJABANTU_FAKE_NOW"}


def _endpoint(method: str, path: str) -> str:
    """`GET /api/v1/tickets/{}`: path parameters are named differently in prose and code."""
    path = re.sub(r"\{[^}]*\}", "{}", path.rstrip("/"))
    return f"{method.upper()} {path}"


def _endpoints_in_code() -> set[str]:
    import mejabantu.urls  # noqa: F401 - mounts every app's router on the API
    from mejabantu.api import api

    schema = api.get_openapi_schema()
    return {_endpoint(m, path) for path, ops in schema["paths"].items() for m in ops}


def _endpoints_in_docs() -> set[str]:
    text = (ROOT / "docs" / "api.md").read_text()
    pattern = rf"\b({'|'.join(METHODS)}) (/api/v1/(?:\{{[^}}]*\}}|[^\s?`{{])*)"
    return {_endpoint(m, path) for m, path in re.findall(pattern, text)}


def test_every_api_endpoint_is_in_the_api_docs():
    missing = _endpoints_in_code() - _endpoints_in_docs()
    assert not missing, f"docs/api.md does not mention: {sorted(missing)}"


def test_the_api_docs_name_no_endpoint_the_api_lacks():
    extra = _endpoints_in_docs() - _endpoints_in_code()
    assert not extra, f"docs/api.md names endpoints the API lacks: {sorted(extra)}"


def _is_environ(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "environ"
        and isinstance(node.value, ast.Name)
        and node.value.id == "os"
    )


def _variables_read(source: str) -> set[str]:
    """Names read through os.environ.get / os.getenv / os.environ[...] / the env_* helpers."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        key = None
        if isinstance(node, ast.Call) and node.args:
            func = node.func
            if (
                (isinstance(func, ast.Attribute) and func.attr in ("get", "setdefault"))
                and _is_environ(func.value)
                or (isinstance(func, ast.Attribute) and func.attr == "getenv")
                or (isinstance(func, ast.Name) and func.id.startswith("env_"))
            ):
                key = node.args[0]
        elif isinstance(node, ast.Subscript) and _is_environ(node.value):
            key = node.slice
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            names.add(key.value)
    return names


def _variables_in_code() -> set[str]:
    names = set()
    for path in (ROOT / "mejabantu").rglob("*.py"):
        if "migrations" not in path.parts:
            names |= _variables_read(path.read_text())
    return names - NOT_SETTINGS


def _variables_in_env_example() -> set[str]:
    text = (ROOT / ".env.example").read_text()
    return set(re.findall(r"^(?:# )?([A-Z][A-Z0-9_]*)=", text, flags=re.MULTILINE))


def test_the_variable_finder_sees_the_settings_reads():
    source = (ROOT / "mejabantu" / "settings.py").read_text()
    assert {"SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "DATABASE_URL"} <= _variables_read(source)


def test_every_environment_variable_read_is_in_env_example():
    missing = _variables_in_code() - _variables_in_env_example()
    assert not missing, f".env.example does not list: {sorted(missing)}"


def test_env_example_lists_no_variable_the_code_does_not_read():
    extra = _variables_in_env_example() - _variables_in_code()
    assert not extra, f".env.example lists variables nothing reads: {sorted(extra)}"
