"""Shared pieces of the schedule services: the error type."""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
PLACE_ATTEMPTS = 25


class ScheduleError(ValidationError):
    """Input a user can correct; the message says how. `code` names the rule for the API."""
