from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TenancyConfig(AppConfig):
    name = "municipium.tenancy"
    label = "tenancy"
    verbose_name = _("Municipalities")

    def ready(self):
        from municipium.core import demo

        from . import signals  # noqa: F401  (connects cache invalidation)

        demo.register("municipium.tenancy.demo.demo_setup", phase=demo.Phase.SETUP, order=10)
        demo.register("municipium.tenancy.demo.demo_municipality", order=20)
        demo.register("municipium.tenancy.demo.demo_staff", order=70)
        demo.register("municipium.tenancy.demo.demo_finish", phase=demo.Phase.FINISH, order=10)
