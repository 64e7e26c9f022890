from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationConfig(AppConfig):
    name = "municipium.organisation"
    label = "organisation"
    verbose_name = _("Organisation")

    def ready(self):
        from municipium.core import audit, demo

        from .selectors import unit_choices_for_audit

        audit.register_unit_choices(unit_choices_for_audit)
        # Units before the directory (its pages present them); staff after tenancy's groups.
        demo.register("municipium.organisation.demo.demo_units", order=30)
        demo.register("municipium.organisation.demo.demo_staff", order=75)
