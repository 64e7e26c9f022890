from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from municipium.core.audit import register_actions

from .admin.registrations import RegistrationsMenuItem
from .admin.registrations import urlpatterns as registration_urls

# Registration


@hooks.register("register_admin_urls")
def register_registration_admin_urls():
    return registration_urls


@hooks.register("register_admin_menu_item")
def register_registrations_menu_item():
    return RegistrationsMenuItem(
        _("Registrations"), "/admin/registrations/", icon_name="group", order=305
    )


@hooks.register("register_log_actions")
def register_registration_log_actions(actions):
    register_actions(
        actions,
        [
            ("events.registration.create", _("Register"), _("Registered.")),
            ("events.registration.cancel", _("Cancel registration"), _("Registration cancelled.")),
            (
                "events.registration.move_up",
                _("Move up from the waiting list"),
                _("Moved up from the waiting list."),
            ),
            ("events.registration.check_in", _("Check in"), _("Checked in.")),
            ("events.event.close", _("Close event with a report"), _("Event closed.")),
        ],
    )
