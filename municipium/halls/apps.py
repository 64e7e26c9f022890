from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HallsConfig(AppConfig):
    """Halls and event spaces lent on request: the catalogue and the bookings, a kind of case."""

    name = "municipium.halls"
    label = "halls"
    verbose_name = _("Halls")

    def ready(self):
        from municipium.cases import kinds
        from municipium.core import demo, periodic

        from .kind import HALL_BOOKING
        from .tasks import offers_lapse

        kinds.register(HALL_BOOKING)
        periodic.register(offers_lapse)
        demo.register("municipium.halls.demo.demo_halls", order=45)
