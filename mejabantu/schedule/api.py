"""JSON API of the schedule app (mounted by mejabantu/api.py)."""

from ninja import Router

router = Router(tags=["schedule"])
