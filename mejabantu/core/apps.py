from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "mejabantu.core"
    label = "core"
    verbose_name = _("Core (infrastructure)")

    def ready(self) -> None:
        from mejabantu.core import generations, periodic

        periodic.register("core.prune_changes", 3600, generations.prune)
