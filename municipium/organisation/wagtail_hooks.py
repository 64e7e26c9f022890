from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from municipium.core.audit import register_actions

from .viewsets import OrganisationViewSetGroup


@hooks.register("register_admin_viewset")
def register_organisation_viewsets():
    return OrganisationViewSetGroup()


@hooks.register("register_log_actions")
def register_organisation_log_actions(actions):
    register_actions(
        actions,
        [
            ("organisation.unit.create", _("Create unit"), _("Unit created.")),
            ("organisation.unit.edit", _("Edit unit"), _("Unit changed.")),
            ("organisation.unit.delete", _("Delete unit"), _("Unit deleted.")),
            ("organisation.person.create", _("Create person"), _("Person added.")),
            ("organisation.person.edit", _("Edit person"), _("Person changed.")),
            ("organisation.person.delete", _("Delete person"), _("Person deleted.")),
            ("organisation.job_title.create", _("Create job title"), _("Job title created.")),
            ("organisation.job_title.edit", _("Edit job title"), _("Job title changed.")),
            ("organisation.job_title.delete", _("Delete job title"), _("Job title deleted.")),
            (
                "organisation.membership.create",
                _("Add staff to a unit"),
                _("Member of staff added to the unit."),
            ),
            (
                "organisation.membership.edit",
                _("Change a staff role"),
                _("Role of the member of staff changed."),
            ),
            (
                "organisation.membership.delete",
                _("Remove staff from a unit"),
                _("Member of staff removed from the unit."),
            ),
        ],
    )
