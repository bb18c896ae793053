"""Pages run under a strict Content-Security-Policy (every browser test fails on a
violation, see tests/fixtures/app_server.py); the API docs work without the internet."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_the_api_docs_render_without_the_internet(new_page, app_server):
    page = new_page()
    offsite: list[str] = []

    def only_this_site(route):
        if route.request.url.startswith(app_server.url):
            return route.continue_()
        offsite.append(route.request.url)
        return route.abort()

    page.route("**/*", only_this_site)
    page.goto("/api/v1/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Mejabantu API")
    assert offsite == []


def test_a_canned_answer_is_inserted_once_into_the_reply_without_inline_script(new_page):
    page = new_page("petugas1")
    page.goto("/tiket/BLT-2024-000007/")  # an open demo ticket
    canned = (
        page.get_by_role("heading", name="Jawaban siap pakai")
        .locator("..")
        .locator("button[data-insert]")
    )
    text = canned.first.get_attribute("data-insert")
    canned.first.click()
    # once per click: an inline handler beside the page's listener inserted it twice
    assert text and page.locator("#id_body").input_value().count(text.strip()[:40]) == 1


def test_every_page_sends_the_policy(new_page, app_server):
    page = new_page()
    response = page.goto("/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
