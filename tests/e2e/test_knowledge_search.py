"""The public knowledge base in Chromium: a chat-style question finds the cited answer."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_public_search_finds_the_answer_with_its_legal_basis(new_page):
    page = new_page(width=390)
    page.goto("/pengetahuan/")
    page.get_by_role("searchbox").first.fill("brp umur minimal cabup?")
    page.get_by_role("searchbox").first.press("Enter")
    result = page.get_by_test_id("kb-result").first
    expect(result).to_contain_text("usia minimal")
    expect(result).to_contain_text("Dasar hukum")
    result.get_by_role("heading").get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    body = page.locator("main").inner_text()
    assert "25" in body and "tahun" in body
    assert "Pasal" in body or "PKPU" in body  # the answer cites its basis
