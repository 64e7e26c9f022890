from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TenancyConfig(AppConfig):
    name = "municipium.tenancy"
    label = "tenancy"
    verbose_name = _("Municipalities")

    def ready(self):
        from . import signals  # noqa: F401  (connects cache invalidation)
