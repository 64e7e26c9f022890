from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    """The case engine: what every kind of staff work shares (a unit, an owner, a reference, a
    status, a clock, a timeline, attachments, links). Kinds of case (citizen requests,
    information requests, the mayor's instructions, hall bookings...) register with
    ``cases.kinds`` from their own apps; the engine never imports them."""

    name = "municipium.cases"
    label = "cases"
    verbose_name = _("Cases")

    def ready(self):
        from municipium.core import periodic

        from .tasks import escalate_overdue, refresh_figures, remind_due_soon

        periodic.register(escalate_overdue)
        periodic.register(remind_due_soon)
        periodic.register(refresh_figures)
