"""Infrastructure tables shared by the apps."""

from django.db import models


class Change(models.Model):
    """One row per committed change to what cached pages show, by scope ("office:3", "all").

    The newest id of a scope is its *generation*: cached pages are keyed by it, so a change
    makes every older fragment unreachable in every process at once (see core.generations).
    Rows are only ever inserted; the worker prunes all but the newest of each scope.
    """

    scope = models.CharField(max_length=40)

    class Meta:
        indexes = [models.Index(fields=["scope", "id"], name="core_change_scope_id")]

    def __str__(self) -> str:
        return f"{self.scope} #{self.pk}"
