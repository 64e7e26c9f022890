from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "municipium.directory"
    label = "directory"
    verbose_name = _("Directorates")

    def ready(self):
        from municipium.core import demo
        from municipium.organisation import changes

        from . import signals  # noqa: F401  (relinks a translated directorate)
        from .services import directorates_reindex

        demo.register("municipium.directory.demo.demo_directory", order=40)
        changes.register(directorates_reindex)
