from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Open311Config(AppConfig):
    """Open311 GeoReport v2 on every municipality's host, over the requests desk: the API
    and the keys of the client applications that file requests through it."""

    name = "municipium.open311"
    label = "open311"
    verbose_name = _("Open311 API")

    def ready(self):
        from municipium.core import demo

        demo.register("municipium.open311.demo.demo_api_client", order=85)
