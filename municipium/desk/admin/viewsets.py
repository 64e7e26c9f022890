"""A municipality's request categories (names per language and questions inline, the unit
among its own) and response templates, each save and delete an audited service."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.viewsets.model import ModelViewSetGroup

from municipium.tenancy.viewsets import MunicipalityScopedViewSet

from .. import services
from ..models import Category, ResponseTemplate
from .forms import CategoryForm, ResponseTemplateForm

CATEGORY_PANELS = [
    FieldPanel("municipality"),
    FieldPanel("code"),
    FieldPanel("unit"),
    FieldPanel("target_working_days"),
    FieldPanel("keywords"),
    FieldPanel("is_active"),
    FieldPanel("sort_order"),
    FieldPanel("service_standard"),
    InlinePanel(
        "names",
        label=_("Names"),
        min_num=1,
        panels=[FieldPanel("language"), FieldPanel("name"), FieldPanel("description")],
    ),
    InlinePanel(
        "attributes",
        label=_("Questions"),
        panels=[
            FieldPanel("code"),
            FieldPanel("datatype"),
            FieldPanel("required"),
            FieldPanel("labels"),
            FieldPanel("values"),
            FieldPanel("sort_order"),
        ],
    ),
]


class CategoryViewSet(MunicipalityScopedViewSet):
    model = Category
    icon = "list-ul"
    menu_label = _("Request categories")
    list_display = ["__str__", "code", "unit", "target_working_days", BooleanColumn("is_active")]
    list_filter = ["is_active"]
    search_fields = ["code", "names__name"]
    edit_handler = ObjectList(CATEGORY_PANELS, base_form_class=CategoryForm)
    save_service = staticmethod(services.category_save)
    delete_service = staticmethod(services.category_delete)


class ResponseTemplateViewSet(MunicipalityScopedViewSet):
    model = ResponseTemplate
    icon = "doc-full"
    menu_label = _("Response templates")
    list_display = ["title", "category", "language"]
    list_filter = ["language"]
    search_fields = ["title", "body"]
    edit_handler = ObjectList(
        [
            FieldPanel("municipality"),
            FieldPanel("category"),
            FieldPanel("language"),
            FieldPanel("title"),
            FieldPanel("body"),
        ],
        base_form_class=ResponseTemplateForm,
    )
    save_service = staticmethod(services.response_template_save)
    delete_service = staticmethod(services.response_template_delete)


class DeskViewSetGroup(ModelViewSetGroup):
    menu_label = _("Requests desk")
    menu_icon = "form"
    menu_order = 250
    items = (CategoryViewSet("request-categories"), ResponseTemplateViewSet("response-templates"))
