"""JSON API of the helpdesk app (mounted by mejabantu/api.py)."""

from ninja import Router

router = Router(tags=["helpdesk"])
