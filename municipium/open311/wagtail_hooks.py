from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from municipium.core.audit import register_actions

from .viewsets import ApiClientViewSet

api_client_viewset = ApiClientViewSet("api-clients")


@hooks.register("register_admin_viewset")
def register_api_client_viewset():
    return api_client_viewset


@hooks.register("register_log_actions")
def register_open311_log_actions(actions):
    register_actions(
        actions,
        [
            ("open311.api_client.create", _("Issue an API key"), _("API client created.")),
            ("open311.api_client.edit", _("Change an API client"), _("API client changed.")),
            ("open311.api_client.delete", _("Delete an API client"), _("API client deleted.")),
        ],
    )
