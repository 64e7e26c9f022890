from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """A municipality's programme: events and courses, their dates, registrations and school
    classes."""

    name = "municipium.events"
    label = "events"
    verbose_name = _("Events and courses")

    def ready(self):
        from municipium.core import demo

        demo.register("municipium.events.demo.demo_events", order=45)
