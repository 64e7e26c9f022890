"""The admin of contributors' consents: staff see and record only their municipalities'; a
withdrawal entered here unpublishes the items that depend on the consent."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList

from municipium.tenancy.forms import MunicipalityOwnedForm
from municipium.tenancy.viewsets import MunicipalityScopedViewSet

from .models import Consent
from .services import consent_delete, consent_save


class ConsentViewSet(MunicipalityScopedViewSet):
    model = Consent
    icon = "doc-full"
    menu_label = _("Archive consents")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["given_by", "given_on", "scope", "withdrawn_at", "municipality"]
    list_filter = ["municipality", "scope"]
    search_fields = ["given_by"]
    edit_handler = ObjectList(
        [
            FieldPanel("municipality"),
            FieldPanel("given_by"),
            FieldPanel("given_on"),
            FieldPanel("scope"),
            FieldPanel("form"),
            FieldPanel("note"),
            FieldPanel("withdrawn_at"),
        ],
        base_form_class=MunicipalityOwnedForm,
    )

    @staticmethod
    def save_service(*, instance, by):
        return consent_save(consent=instance, by=by)

    @staticmethod
    def delete_service(*, instance, by):
        return consent_delete(consent=instance, by=by)
