"""Knowledge-base fixtures: a small set of regulations and answers of our own (not the seed)."""

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def kb(demo):
    """Load the fixture regulations and answers through the seed loader, published and indexed."""
    from mejabantu.knowledge import demo as knowledge_demo

    knowledge_demo.load_regulations(FIXTURES / "regulations.json")  # indexes the articles
    knowledge_demo.load_answers(FIXTURES / "faq.json")  # publishes and indexes the answers


@pytest.fixture
def province(demo):
    from mejabantu.offices.models import Office

    return Office.objects.get(code="19")
