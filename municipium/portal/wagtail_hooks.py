from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.components import Component

from municipium.core.audit import register_actions
from municipium.tenancy.forms import MunicipalityOwnedForm
from municipium.tenancy.selectors import municipality_list_for_user
from municipium.tenancy.viewsets import MunicipalityScopedViewSet

from .models import Alert
from .selectors import accessibility_declaration_list_for_review
from .services import alert_delete, alert_save


class AccessibilityReviewPanel(Component):
    """On the admin dashboard: when each accessibility declaration must be reviewed."""

    order = 150
    template_name = "portal/admin/accessibility_review_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        declarations = accessibility_declaration_list_for_review(
            municipalities=municipality_list_for_user(user=self.user),
            today=timezone.localdate(),
        )
        return {"declarations": declarations}


@hooks.register("construct_homepage_panels")
def add_accessibility_review_panel(request, panels):
    panels.append(AccessibilityReviewPanel(request.user))


class AlertViewSet(MunicipalityScopedViewSet):
    model = Alert
    icon = "warning"
    menu_label = _("Alerts")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["message", "municipality", "language", "severity", "starts_at", "ends_at"]
    list_filter = ["municipality", "severity"]
    edit_handler = ObjectList(Alert.panels, base_form_class=MunicipalityOwnedForm)

    @staticmethod
    def save_service(*, instance, by):
        return alert_save(alert=instance, by=by)

    @staticmethod
    def delete_service(*, instance, by):
        return alert_delete(alert=instance, by=by)


@hooks.register("register_admin_viewset")
def register_alert_viewset():
    return AlertViewSet("alerts")


@hooks.register("register_log_actions")
def register_alert_log_actions(actions):
    register_actions(
        actions,
        [
            ("portal.alert.create", _("Create alert"), _("Alert created.")),
            ("portal.alert.edit", _("Edit alert"), _("Alert changed.")),
            ("portal.alert.delete", _("Delete alert"), _("Alert deleted.")),
        ],
    )
