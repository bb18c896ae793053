"""The coalition calculator in a real browser, on a phone-sized screen."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_coalition_calculator_updates_verdict_and_suggests_a_party(new_page):
    page = new_page(width=390)
    page.goto("/pencalonan/koalisi/")
    assert page.get_by_role("heading", name="Kalkulator koalisi").is_visible()
    page.get_by_label("Golkar").check()
    verdict = page.get_by_test_id("coalition-verdict")
    verdict.wait_for()
    assert "tidak memenuhi syarat" in verdict.inner_text()
    assert "10.800" in page.get_by_test_id("required").inner_text()
    assert "PSI" in verdict.inner_text()  # the single party that would complete it
    assert "angka ilustrasi" in verdict.inner_text()
    page.get_by_label("PSI").check()
    # (no wait_for_function: it evaluates script, which the page's policy forbids)
    expect(page.get_by_test_id("coalition-verdict")).to_have_class(re.compile(r"\bmet\b"))
    assert "17.500" in page.get_by_test_id("coalition-share").inner_text()
    assert "parties=golkar" in page.url and "parties=psi" in page.url
