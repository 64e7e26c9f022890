"""The admin of what the culture apps share: a municipality's venues and partners (texts per
language inline), edited by its staff through the audited services; the types of event,
shared by every municipality, by the platform's administrators only."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from municipium.tenancy.forms import MunicipalityOwnedForm
from municipium.tenancy.viewsets import MunicipalityScopedViewSet, ServiceSaveMixin

from . import services
from .models import EventType, Partner, Venue

VENUE_PANELS = [
    FieldPanel("municipality"),
    FieldPanel("name"),
    FieldPanel("address"),
    FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
    FieldRowPanel(
        [FieldPanel("step_free"), FieldPanel("accessible_toilet"), FieldPanel("hearing_loop")]
    ),
    InlinePanel(
        "texts",
        label=_("Texts per language"),
        panels=[FieldPanel("language"), FieldPanel("directions"), FieldPanel("accessibility")],
    ),
]

PARTNER_PANELS = [
    FieldPanel("municipality"),
    FieldPanel("name"),
    FieldPanel("kind"),
    FieldPanel("website"),
    FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
    FieldPanel("logo"),
    FieldPanel("is_public"),
    InlinePanel(
        "texts",
        label=_("Texts per language"),
        panels=[FieldPanel("language"), FieldPanel("description")],
    ),
]


class VenueViewSet(MunicipalityScopedViewSet):
    model = Venue
    icon = "site"
    menu_label = _("Venues")
    list_display = ["name", "address", "municipality", BooleanColumn("step_free")]
    list_filter = ["municipality", "step_free"]
    search_fields = ["name", "address"]
    edit_handler = ObjectList(VENUE_PANELS, base_form_class=MunicipalityOwnedForm)
    save_service = services.venue_save
    delete_service = services.venue_delete


class PartnerViewSet(MunicipalityScopedViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Partners")
    list_display = ["name", "kind", "municipality", BooleanColumn("is_public")]
    list_filter = ["municipality", "kind", "is_public"]
    search_fields = ["name"]
    edit_handler = ObjectList(PARTNER_PANELS, base_form_class=MunicipalityOwnedForm)
    save_service = services.partner_save
    delete_service = services.partner_delete


class EventTypeCreateView(ServiceSaveMixin, generic.CreateView):
    save_service = staticmethod(services.event_type_save)


class EventTypeEditView(ServiceSaveMixin, generic.EditView):
    save_service = staticmethod(services.event_type_save)


class EventTypeDeleteView(generic.DeleteView):
    def delete_action(self):
        return services.event_type_delete(instance=self.object, by=self.request.user)


class EventTypeViewSet(ModelViewSet):
    model = EventType
    add_view_class = EventTypeCreateView
    edit_view_class = EventTypeEditView
    delete_view_class = EventTypeDeleteView
    icon = "tag"
    menu_label = _("Types of event")
    list_display = ["__str__", "code", "schema_type", BooleanColumn("is_course")]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldPanel("code"),
            FieldPanel("schema_type"),
            FieldPanel("is_course"),
            FieldPanel("for_school_classes"),
            FieldPanel("sort_order"),
            InlinePanel("names", label=_("Names"), min_num=1),
        ]
    )


class CultureViewSetGroup(ModelViewSetGroup):
    menu_label = _("Culture")
    menu_icon = "site"
    menu_order = 265
    items = (VenueViewSet("venues"), PartnerViewSet("partners"), EventTypeViewSet("event-types"))
