import pytest


@pytest.fixture(autouse=True)
def _fresh_calendars():
    """Each test builds calendars from its own rows (transactions are rolled back)."""
    from mejabantu.offices.selectors import office_calendar_cache_clear

    office_calendar_cache_clear()
    yield
    office_calendar_cache_clear()


@pytest.fixture
def offices(db):
    """Only the demo offices and their hours (no accounts)."""
    from mejabantu.offices import demo as offices_demo

    offices_demo.load()


@pytest.fixture
def office(offices):
    from mejabantu.offices.models import Office

    return Office.objects.get(code="19.02")
