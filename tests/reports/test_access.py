"""Who may see an office's figures: its staff and the offices above it, nobody else."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from mejabantu.reports.selectors import offices_reported, report_office

# user -> the demo offices whose figures they see
SEES = {
    "petugas1": {"19.02"},
    "koordinator": {"19.02"},
    "petugas-beltim": {"19.06"},
    "petugas-prov": {"19", "19.02", "19.06"},
    "koordinator-ri": {"ri", "19", "19.02", "19.06"},
    "admin": {"ri", "19", "19.02", "19.06"},
    "lo-partai-a": set(),
}


@pytest.mark.parametrize("username", sorted(SEES))
@pytest.mark.parametrize("code", ["ri", "19", "19.02", "19.06"])
def test_staff_see_their_office_and_those_below_it(users, code, username):
    user = users[username]
    if code in SEES[username]:
        assert report_office(user, code).code == code
    else:
        with pytest.raises(PermissionDenied):
            report_office(user, code)


def test_the_public_sees_no_figures_and_an_unknown_office_is_not_found(users):
    with pytest.raises(PermissionDenied):
        report_office(AnonymousUser(), "19.02")
    with pytest.raises(Http404):
        report_office(users["koordinator-ri"], "99.99")


def test_the_office_picker_offers_what_the_user_may_see(users):
    province = set(offices_reported(users["petugas-prov"]).values_list("code", flat=True))
    assert {"19", "19.02", "19.06"} <= province and "ri" not in province
    assert all(code == "19" or code.startswith("19.") for code in province)
    assert list(offices_reported(users["petugas1"]).values_list("code", flat=True)) == ["19.02"]
    assert offices_reported(users["koordinator-ri"]).first().code == "ri"
    assert not offices_reported(users["lo-partai-a"]).exists()
    assert not offices_reported(AnonymousUser()).exists()
