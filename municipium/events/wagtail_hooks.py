from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from municipium.core.audit import register_actions

from .admin.registrations import RegistrationsMenuItem
from .admin.registrations import urlpatterns as registration_urls
from .admin.viewsets import ProgrammeViewSetGroup

# Registration


@hooks.register("register_admin_urls")
def register_registration_admin_urls():
    return registration_urls


@hooks.register("register_admin_menu_item")
def register_registrations_menu_item():
    return RegistrationsMenuItem(
        _("Registrations"), "/admin/registrations/", icon_name="group", order=305
    )


@hooks.register("register_admin_viewset")
def register_programme_viewsets():
    return ProgrammeViewSetGroup()


@hooks.register("register_log_actions")
def register_events_log_actions(actions):
    register_actions(
        actions,
        [
            ("events.event.create", _("Create event"), _("Event created.")),
            ("events.event.edit", _("Edit event"), _("Event changed.")),
            ("events.event.delete", _("Delete event"), _("Event deleted.")),
            ("events.event.cancel", _("Cancel event"), _("Event cancelled.")),
            ("events.event.postpone", _("Postpone event"), _("Event postponed.")),
            ("events.event.reschedule", _("Schedule event again"), _("Event scheduled again.")),
            ("events.event.publish", _("Publish event"), _("Event published.")),
            ("events.event.unpublish", _("Unpublish event"), _("Event unpublished.")),
            ("events.occurrence.create", _("Add a date"), _("Date added to the event.")),
            ("events.occurrence.edit", _("Change a date"), _("Date of the event changed.")),
            ("events.occurrence.delete", _("Remove a date"), _("Date of the event removed.")),
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
