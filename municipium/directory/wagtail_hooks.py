from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from municipium.core.audit import register_actions

from .services import directorate_copies_relink
from .viewsets import PersonViewSet


@hooks.register("register_admin_viewset")
def register_person_viewset():
    return PersonViewSet("people")


@hooks.register("after_copy_page")
def relink_copied_directorates(request, page, new_page):
    directorate_copies_relink(source=page, target=new_page)


@hooks.register("register_log_actions")
def register_person_log_actions(actions):
    register_actions(
        actions,
        [
            ("directory.person.create", _("Add person"), _("Person added.")),
            ("directory.person.edit", _("Edit person"), _("Person changed.")),
            ("directory.person.delete", _("Delete person"), _("Person deleted.")),
        ],
    )
