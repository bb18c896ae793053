"""Infrastructure shared by the apps."""

from typing import Any

from django.db import models
from django.db.models import F, Q


class PageVersions(models.Model):
    """A model whose rows carry versions of what cached pages show (core.page_cache).

    A version only ever grows, by ``bump`` (one UPDATE, inside the transaction that changes
    the data: readers see the new version with the new data, never before). A plain ``save()``
    of an instance read earlier never writes its versions back, so they cannot go back to a
    value a page was cached under."""

    VERSION_FIELDS: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding and not kwargs.get("force_insert") and self.VERSION_FIELDS:
            fields = kwargs.get("update_fields")
            if fields is None:
                fields = [f.attname for f in self._meta.concrete_fields if not f.primary_key]
            kwargs["update_fields"] = [f for f in fields if f not in self.VERSION_FIELDS]
        super().save(*args, **kwargs)

    @classmethod
    def bump(cls, field: str, *where: Q, **lookup: Any) -> None:
        """Move ``field`` on to a new version in the rows ``where`` and ``lookup`` select."""
        assert field in cls.VERSION_FIELDS
        cls._default_manager.filter(*where, **lookup).update(**{field: F(field) + 1})
