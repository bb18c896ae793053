import pytest


@pytest.fixture
def candidacy_demo(demo):
    """The Belitung candidacy demo: rule sets, parties, figures, contests, registrations."""
    from mejabantu.candidacy import demo as candidacy_demo_module

    candidacy_demo_module.load()


@pytest.fixture
def new_rules():
    from mejabantu.candidacy.rules.params import load_shipped

    return load_shipped("pkpu10-2024")


@pytest.fixture
def old_rules():
    from mejabantu.candidacy.rules.params import load_shipped

    return load_shipped("uu10-2016-pkpu8-2024")
