from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "municipium.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from .forms import install_admin_date_fields

        install_admin_date_fields()
