from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeskConfig(AppConfig):
    """The requests desk: citizen requests from every channel, as a kind of case."""

    name = "municipium.desk"
    label = "desk"
    verbose_name = _("Requests desk")

    def ready(self):
        from municipium.cases import kinds
        from municipium.core import demo, periodic
        from municipium.directory import measurements

        from .board import service_standard_median_days
        from .kind import CITIZEN_REQUEST
        from .tasks import anonymise_expired_requests, close_silent_answers

        kinds.register(CITIZEN_REQUEST)
        measurements.register(service_standard_median_days)
        periodic.register(close_silent_answers)
        periodic.register(anonymise_expired_requests)
        demo.register("municipium.desk.demo.demo_desk", order=55)
        demo.register("municipium.desk.demo_requests.demo_requests", order=90)
