"""Stages (tahapan): the seed from the data file and an office's own dates."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from mejabantu.accounts import access
from mejabantu.accounts.models import User
from mejabantu.offices.models import Office
from mejabantu.schedule.models import (
    Stage,
)
from mejabantu.schedule.services.common import (
    DATA_DIR,
    ScheduleError,
)


def stages_seed(*, path: Path | None = None) -> int:
    """Load the national stages of an election from its data file (idempotent); return count."""
    data = json.loads((path or DATA_DIR / "pilkada_2024_stages.json").read_text())
    for position, row in enumerate(data["stages"]):
        Stage.objects.update_or_create(
            election=data["election"],
            office=None,
            code=row["code"],
            defaults={
                "name": row["name"],
                "starts_on": date.fromisoformat(row["starts_on"]),
                "ends_on": date.fromisoformat(row["ends_on"]),
                "hours": row.get("hours", ""),
                "description": row.get("description", ""),
                "legal_basis": row.get("legal_basis", ""),
                "confirmed": row.get("confirmed", True),
                "note": row.get("note", ""),
                "only_single_candidate_regions": row.get("only_single_candidate_regions", False),
                "position": position,
            },
        )
    return len(data["stages"])


@transaction.atomic
def stage_set_dates(
    *,
    actor: User,
    office: Office,
    code: str,
    starts_on: date,
    ends_on: date,
    confirmed: bool,
    note: str = "",
    election: str = "pilkada-2024",
) -> Stage:
    """Give an office its own dates for a stage (a coordinator correcting an unconfirmed date)."""
    if not access.is_office_coordinator(actor, office):
        raise PermissionDenied
    if ends_on < starts_on:
        raise ScheduleError(_("The end date is before the start date; check both dates."))
    national = Stage.objects.filter(election=election, office=None, code=code).first()
    if national is None:
        raise ScheduleError(_("Unknown stage “%(code)s”.") % {"code": code})
    stage, _created = Stage.objects.update_or_create(
        election=election,
        office=office,
        code=code,
        defaults={
            "name": national.name,
            "description": national.description,
            "legal_basis": national.legal_basis,
            "hours": national.hours,
            "only_single_candidate_regions": national.only_single_candidate_regions,
            "position": national.position,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "confirmed": confirmed,
            "note": note,
        },
    )
    return stage
