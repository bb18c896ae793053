"""JSON API of the candidacy app (mounted by mejabantu/api.py)."""

from ninja import Router

router = Router(tags=["candidacy"])
