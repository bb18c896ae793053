"""Pieces of the few fixed SQL statements read on hot paths (sessions, users, a ticket's rows,
an operator's organisation)."""

from functools import cache

from django.db import connections


def columns(model, alias: str = "") -> str:
    """The model's columns, quoted and in field order, for a fixed SELECT: named, never "*",
    so that a statement PostgreSQL keeps prepared survives a migration that adds one."""
    prefix = f"{alias}." if alias else ""
    return ", ".join(f'{prefix}"{f.column}"' for f in model._meta.concrete_fields)


def instances(values, alias: str, *models) -> list:
    """One instance of each model from a row holding each model's ``columns`` in turn,
    converted as the ORM converts them."""
    connection = connections[alias]
    found, start = [], 0
    for model in models:
        fields, converters = _converters(model, alias)
        converted = []
        for (col, steps), value in zip(
            converters, values[start : start + len(fields)], strict=True
        ):
            for convert in steps:
                value = convert(value, col, connection)
            converted.append(value)
        found.append(model.from_db(alias, fields, converted))
        start += len(fields)
    return found


@cache
def _converters(model, alias: str):
    """The model's field names, and per column the ORM's converters on this database."""
    connection = connections[alias]
    columns = [f.get_col(model._meta.db_table) for f in model._meta.concrete_fields]
    return (
        [f.attname for f in model._meta.concrete_fields],
        [
            (col, connection.ops.get_db_converters(col) + col.get_db_converters(connection))
            for col in columns
        ],
    )
