"""Writes of pending guidance: answers that wait for technical guidance (juknis)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mejabantu.knowledge.models import Answer, PendingGuidance
from mejabantu.knowledge.services.editors import can_edit
from mejabantu.offices.models import Office


@transaction.atomic
def pending_guidance_create(
    *, title: str, office: Office, description: str = "", user=None
) -> PendingGuidance:
    """Record that an answer waits for technical guidance (juknis)."""
    if not can_edit(user, office):
        raise PermissionDenied(_("Only staff of this office can record pending guidance."))
    if not title.strip():
        raise ValidationError({"title": _("Say what the office is waiting for.")})
    return PendingGuidance.objects.create(
        title=title.strip(), description=description.strip(), office=office
    )


@transaction.atomic
def pending_guidance_resolve(
    *, item: PendingGuidance, answer: Answer | None = None, user=None
) -> PendingGuidance:
    """Close a pending-guidance item, optionally with the answer that settles it."""
    if not can_edit(user, item.office):
        raise PermissionDenied(_("Only staff of this office can resolve pending guidance."))
    item.state = PendingGuidance.State.RESOLVED
    item.resolved_by = answer
    item.resolved_at = timezone.now()
    item.save()
    return item
