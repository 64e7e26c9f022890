from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from municipium.core.audit import register_actions

from .viewsets import CultureViewSetGroup


@hooks.register("register_admin_viewset")
def register_culture_viewsets():
    return CultureViewSetGroup()


@hooks.register("register_log_actions")
def register_culture_log_actions(actions):
    register_actions(
        actions,
        [
            ("culture.venue.create", _("Create venue"), _("Venue created.")),
            ("culture.venue.edit", _("Edit venue"), _("Venue changed.")),
            ("culture.venue.delete", _("Delete venue"), _("Venue deleted.")),
            ("culture.partner.create", _("Create partner"), _("Partner created.")),
            ("culture.partner.edit", _("Edit partner"), _("Partner changed.")),
            ("culture.partner.delete", _("Delete partner"), _("Partner deleted.")),
            ("culture.event_type.create", _("Create type of event"), _("Type of event created.")),
            ("culture.event_type.edit", _("Edit type of event"), _("Type of event changed.")),
            ("culture.event_type.delete", _("Delete type of event"), _("Type of event deleted.")),
        ],
    )
