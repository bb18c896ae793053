"""Pieces of the few fixed SQL statements read on hot paths (sessions, users, a ticket's rows)."""


def columns(model, alias: str = "") -> str:
    """The model's columns, quoted and in field order, for a fixed SELECT: named, never "*",
    so that a statement PostgreSQL keeps prepared survives a migration that adds one."""
    prefix = f"{alias}." if alias else ""
    return ", ".join(f'{prefix}"{f.column}"' for f in model._meta.concrete_fields)
