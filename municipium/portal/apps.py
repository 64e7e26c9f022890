from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "municipium.portal"
    label = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from municipium.core import periodic

        from .tasks import pages_publish_scheduled

        periodic.register(pages_publish_scheduled)
