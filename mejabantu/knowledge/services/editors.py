"""Who may write an office's knowledge: its staff, an administrator, or the system."""

from __future__ import annotations

from mejabantu.accounts import access
from mejabantu.offices.models import Office


def can_edit(user, answer_office: Office) -> bool:
    if user is None:
        return True  # the loader and the import commands act as the system
    return access.is_office_staff(user, answer_office)
