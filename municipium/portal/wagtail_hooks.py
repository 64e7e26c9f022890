from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.components import Component

from municipium.tenancy.forms import MunicipalityOwnedForm
from municipium.tenancy.selectors import municipality_list_for_user
from municipium.tenancy.viewsets import MunicipalityScopedViewSet

from .models import Alert
from .selectors import accessibility_declaration_list_for_review


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


@hooks.register("register_admin_viewset")
def register_alert_viewset():
    return AlertViewSet("alerts")
