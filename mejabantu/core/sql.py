"""Pieces of the few fixed SQL statements run on hot paths (sessions, users, a ticket's rows,
an operator's organisation; the rows written when a question is asked)."""

from functools import cache

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models.signals import post_save, pre_save


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


def insert(instance, using: str = DEFAULT_DB_ALIAS):
    """Insert a new instance with its model's fixed INSERT, as ``save(force_insert=True)``
    does: the same values, converted by the fields, and the same signals. The ORM builds its
    statement anew for every save, which cost more than running it (a ticket: 0.6 ms against
    0.2); asking writes three rows inside the write transaction, which on SQLite the web
    workers take one at a time."""
    model = type(instance)
    plain = _insert_statement(model, using)
    if plain is None:  # a model this statement does not cover: the ORM's save
        instance.save(force_insert=True, using=using)
        return instance
    statement, fields, returning = plain
    connection = connections[using]
    instance._prepare_related_fields_for_save(operation_name="save")
    pre_save.send(sender=model, instance=instance, raw=False, using=using, update_fields=None)
    values = [f.get_db_prep_save(f.pre_save(instance, True), connection) for f in fields]
    meta = model._meta
    with connection.cursor() as cursor:
        cursor.execute(statement, values)
        if returning:
            pk = cursor.fetchone()[0]
        else:
            pk = connection.ops.last_insert_id(cursor, meta.db_table, meta.pk.column)
    setattr(instance, meta.pk.attname, pk)
    instance._state.adding = False
    instance._state.db = using
    post_save.send(
        sender=model, instance=instance, created=True, update_fields=None, raw=False, using=using
    )
    return instance


@cache
def _insert_statement(model, alias: str):
    """The INSERT of every column but the auto primary key, and whether it returns the key;
    None for what it does not cover (no auto key, inherited, generated or database-default
    columns, ordered with respect to another model)."""
    meta = model._meta
    fields = [f for f in meta.local_concrete_fields if f is not meta.auto_field]
    if (
        meta.auto_field is None
        or meta.parents
        or meta.order_with_respect_to
        or any(f.generated or f.has_db_default() for f in fields)
    ):
        return None
    connection = connections[alias]
    quote = connection.ops.quote_name
    returning = connection.features.can_return_columns_from_insert
    statement = (
        f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(fields))})"
        + (f" RETURNING {quote(meta.pk.column)}" if returning else "")
    )
    return statement, fields, returning
