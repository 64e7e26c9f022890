from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from municipium.core.audit import register_actions

from .views import LockoutListView, may_see_lockouts


class LockoutMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_lockouts(request.user)


@hooks.register("register_admin_urls")
def register_lockout_urls():
    urls = [path("", LockoutListView.as_view(), name="lockout-list")]
    return [path("sign-in-lockouts/", include((urls, "accounts"), namespace="accounts"))]


@hooks.register("register_settings_menu_item")
def register_lockout_menu_item():
    return LockoutMenuItem(
        _("Sign-in lockouts"), reverse("accounts:lockout-list"), icon_name="lock", order=650
    )


@hooks.register("register_log_actions")
def register_accounts_log_actions(actions):
    register_actions(
        actions,
        [
            (
                "accounts.lockout.create",
                _("Block sign-in"),
                _("Sign-in blocked after too many failed attempts."),
            ),
            ("accounts.lockout.delete", _("Unblock sign-in"), _("Sign-in unblocked.")),
        ],
    )
