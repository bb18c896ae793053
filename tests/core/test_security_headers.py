"""Every page carries a strict Content-Security-Policy; the API docs come from this site."""

import re
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parents[2] / "mejabantu"


@pytest.mark.django_db
def test_a_page_sends_a_policy_that_allows_only_this_site(client):
    policy = client.get("/kantor/19.02/", follow=True).headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


@pytest.mark.django_db
def test_the_api_docs_load_swagger_ui_from_our_static_files(client):
    html = client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn." not in html


def test_no_template_has_inline_script_handlers_or_style_attributes():
    offending = []
    pattern = re.compile(r"<script>|<script\s+(?![^>]*\b(src|type)=)|\son[a-z]+=|\sstyle=")
    for path in TEMPLATES.rglob("templates/**/*.html"):
        if "/mail/" in str(path):  # mails are not pages: no policy applies there
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if pattern.search(line):
                offending.append(f"{path.relative_to(TEMPLATES)}:{number}")
    assert offending == []
