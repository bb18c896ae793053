"""The coalition calculator in a real browser, on a phone-sized screen."""

import pytest

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
    page.wait_for_function(
        "document.querySelector('[data-testid=coalition-verdict]').className.includes(' met')"
    )
    assert "17.500" in page.get_by_test_id("coalition-share").inner_text()
    assert "parties=golkar" in page.url and "parties=psi" in page.url
