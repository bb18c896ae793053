"""Shared pieces of the schedule services: the error type and the staff check."""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError

from mejabantu.offices.models import Office

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
PLACE_ATTEMPTS = 25


class ScheduleError(ValidationError):
    """Input a user can correct; the message says how. `code` names the rule for the API."""


def is_office_staff(user, office: Office) -> bool:
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or (user.is_staff_member and user.office_id == office.pk)
