"""The halls of a municipality in the admin (texts per language, photos and opening hours
inline; the venue and the unit among its own), each save an audited service."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn

from municipium.culture.forms import venue_and_unit_foreign_refuse
from municipium.tenancy.forms import MunicipalityOwnedForm
from municipium.tenancy.viewsets import MunicipalityScopedViewSet

from . import services
from .models import Hall


class HallForm(MunicipalityOwnedForm):
    """A hall's venue and unit are its municipality's, whatever id is posted; the choosers
    offer no other municipality's."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        municipalities = self.chooser_municipalities()
        for name in ("venue", "unit"):
            self.fields[name].queryset = self.fields[name].queryset.filter(
                municipality__in=municipalities
            )

    def clean(self):
        cleaned = super().clean()
        municipality = cleaned.get("municipality") or getattr(self.instance, "municipality", None)
        venue_and_unit_foreign_refuse(self, cleaned, municipality=municipality)
        return cleaned


HALL_PANELS = [
    FieldPanel("municipality"),
    FieldPanel("slug"),
    FieldPanel("venue"),
    FieldPanel("unit"),
    FieldPanel("is_active"),
    InlinePanel(
        "texts",
        label=_("Texts per language"),
        min_num=1,
        panels=[
            FieldPanel("language"),
            FieldPanel("name"),
            FieldPanel("description"),
            FieldPanel("rules"),
            FieldPanel("equipment"),
            FieldPanel("fees"),
            FieldPanel("accessibility"),
        ],
    ),
    FieldRowPanel([FieldPanel("seats"), FieldPanel("standing")], heading=_("Capacity")),
    MultiFieldPanel(
        [
            FieldPanel(name)
            for name in ("projector", "sound_system", "stage", "piano", "kitchen", "wifi")
        ],
        heading=_("Equipment"),
    ),
    MultiFieldPanel(
        [FieldPanel("step_free"), FieldPanel("accessible_toilet"), FieldPanel("hearing_loop")],
        heading=_("Accessibility"),
    ),
    MultiFieldPanel(
        [
            FieldPanel("fee_per_hour"),
            FieldPanel("fee_per_day"),
            FieldPanel("free_for_associations"),
        ],
        heading=_("Fees"),
    ),
    MultiFieldPanel(
        [
            FieldPanel("setup_minutes"),
            FieldPanel("clearing_minutes"),
            FieldPanel("notice_days"),
            FieldPanel("max_ahead_days"),
            FieldPanel("answer_working_days"),
            FieldPanel("offer_days"),
        ],
        heading=_("Bookings"),
    ),
    InlinePanel(
        "openings",
        label=_("Opening hours"),
        panels=[FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")],
    ),
    InlinePanel("photos", label=_("Photos"), panels=[FieldPanel("image")]),
]


class HallViewSet(MunicipalityScopedViewSet):
    model = Hall
    icon = "home"
    menu_label = _("Halls")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["__str__", "venue", "unit", "seats", BooleanColumn("is_active")]
    list_filter = ["is_active"]
    search_fields = ["slug", "texts__name"]
    edit_handler = ObjectList(HALL_PANELS, base_form_class=HallForm)
    save_service = staticmethod(services.hall_save)
