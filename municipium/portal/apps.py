from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "municipium.portal"
    label = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from municipium.core import demo, periodic

        from .tasks import pages_publish_scheduled

        periodic.register(pages_publish_scheduled)
        demo.register("municipium.portal.demo.demo_home_pages", order=10)
        demo.register("municipium.portal.demo.demo_pages", order=60)
        demo.register("municipium.portal.demo.demo_editorial_teams", order=80)
