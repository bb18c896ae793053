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


@pytest.fixture
def candidacy_reference(db):
    """Rule sets, parties and the Belitung figures, without accounts or registrations."""
    from mejabantu.candidacy.demo import load_reference_data
    from mejabantu.offices import demo as offices_demo

    offices_demo.load()
    load_reference_data()
