from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "municipium.search"
    label = "municipium_search"
    verbose_name = _("Search")

    def ready(self):
        from municipium.core import demo

        from . import signals  # noqa: F401  (indexes pages when they are published)

        demo.register("municipium.search.demo.demo_search_index", phase=demo.Phase.FINISH, order=90)
