from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component

from municipium.tenancy.selectors import municipality_list_for_user

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
