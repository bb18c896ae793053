from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "mejabantu.core"
    label = "core"
    verbose_name = _("Core (infrastructure)")

    def ready(self) -> None:
        from django.core.signals import request_finished, request_started

        from mejabantu.core import generations, periodic
        from mejabantu.core.page_files import prune_pages

        request_started.connect(generations.request_started, dispatch_uid="generations-start")
        request_finished.connect(generations.request_finished, dispatch_uid="generations-end")

        periodic.register("core.prune_changes", 3600, generations.prune)
        periodic.register("core.prune_pages", 24 * 3600, prune_pages)
