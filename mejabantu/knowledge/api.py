"""JSON API of the knowledge app (mounted by mejabantu/api.py)."""

from ninja import Router

router = Router(tags=["knowledge"])
