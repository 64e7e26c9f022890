from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """A municipality's programme: events and courses, their dates, registrations and school
    classes."""

    name = "municipium.events"
    label = "events"
    verbose_name = _("Events and courses")

    def ready(self):
        from municipium.cases import kinds
        from municipium.core import demo, periodic
        from municipium.culture.partner_links import register_partner_links

        from . import school_hooks  # noqa: F401  (registers the admin's URLs and menu)
        from .kind import SCHOOL_CLASS
        from .public import event_links_for_partners
        from .registration import registrants_tell
        from .signals import occurrence_changed
        from .tasks import anonymise_expired_registrations

        kinds.register(SCHOOL_CLASS)
        register_partner_links(event_links_for_partners)
        occurrence_changed.connect(registrants_tell, dispatch_uid="events.registrants_tell")
        periodic.register(anonymise_expired_registrations)
        demo.register("municipium.events.demo.demo_events", order=45)
        demo.register("municipium.events.demo_schools.demo_schools", order=87)
