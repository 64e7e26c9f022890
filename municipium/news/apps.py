from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "municipium.news"
    label = "news"
    verbose_name = _("News")

    def ready(self):
        from municipium.core import demo, page_cache, periodic

        from .counting import count_cached_view
        from .tasks import view_counts_fold

        page_cache.on_cache_hit(count_cached_view)
        periodic.register(view_counts_fold)
        demo.register("municipium.news.demo.demo_news", order=50)
