from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "municipium.accounts"
    label = "accounts"
    verbose_name = _("Staff accounts")

    def ready(self):
        from axes.signals import user_locked_out

        from .throttle import on_user_locked_out

        # django-axes announces a lockout only through its signal: the receiver hands it to
        # the service that writes the audit entry.
        user_locked_out.connect(on_user_locked_out, dispatch_uid="municipium-lockout-audit")
