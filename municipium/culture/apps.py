from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CultureConfig(AppConfig):
    """What a culture directorate's work shares: its venues, its partners and the types of event
    it runs (the programme, the halls and the archive build on them)."""

    name = "municipium.culture"
    label = "culture"
    verbose_name = _("Culture")

    def ready(self):
        from municipium.core import demo

        demo.register("municipium.culture.demo.demo_culture", order=42)
        from wagtail.permissions import register_permission_policy

        from .models import EventType
        from .permissions import SuperuserPolicy

        register_permission_policy(EventType, SuperuserPolicy(EventType), exact_class=True)
