"""Reads of offices and regions."""

from django.shortcuts import get_object_or_404

from mejabantu.offices.models import Office


def office_get(*, code: str) -> Office:
    """Return the office with this Kemendagri code (or 'ri'), or raise 404."""
    return get_object_or_404(Office.objects.select_related("parent", "region"), code=code)


def offices_public() -> list[Office]:
    """Return every office, parents first, for the public office list."""
    return list(Office.objects.select_related("parent").order_by("level", "code"))
