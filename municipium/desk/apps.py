from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeskConfig(AppConfig):
    """The requests desk: citizen requests from every channel, as a kind of case."""

    name = "municipium.desk"
    label = "desk"
    verbose_name = _("Requests desk")

    def ready(self):
        from municipium.cases import kinds
        from municipium.core import demo

        from .kind import CITIZEN_REQUEST

        kinds.register(CITIZEN_REQUEST)
        demo.register("municipium.desk.demo.demo_desk", order=55)
