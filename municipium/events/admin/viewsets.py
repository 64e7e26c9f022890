"""The admin of the programme. Staff see the events of the units they act in (as cases are
scoped) and of their municipality only, edit them with their texts per language and days off
inline, and move or cancel one date in the list of an event's dates; every write goes through
the audited services of ``events.services``."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.model import ModelViewSetGroup

from municipium.tenancy.viewsets import MunicipalityScopedViewSet

from .. import services
from ..models import Event, Occurrence
from ..selectors import event_list_for_staff, occurrence_list_for_staff
from .forms import EventForm, OccurrenceForm

TEXT_PANELS = [
    FieldPanel("language"),
    FieldPanel("title"),
    FieldPanel("slug"),
    FieldPanel("summary"),
    FieldPanel("description"),
    FieldPanel("price_note"),
    FieldPanel("accessibility"),
]

EVENT_PANELS = [
    FieldPanel("municipality"),
    FieldPanel("event_type"),
    FieldPanel("unit"),
    FieldPanel("venue"),
    FieldPanel("partners"),
    MultiFieldPanel(
        [
            FieldPanel("audience"),
            FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max")]),
        ],
        heading=_("Audience"),
    ),
    MultiFieldPanel(
        [
            FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
            FieldPanel("time_zone"),
            FieldPanel("recurrence"),
        ],
        heading=pgettext_lazy("event session", "Dates"),
    ),
    InlinePanel("exceptions", label=_("Days off (no session that day)")),
    MultiFieldPanel(
        [
            FieldRowPanel([FieldPanel("is_free"), FieldPanel("price")]),
            FieldRowPanel([FieldPanel("registration"), FieldPanel("capacity")]),
        ],
        heading=_("Price and places"),
    ),
    FieldPanel("status"),
    FieldPanel("is_published"),
    FieldPanel("image"),
    InlinePanel("texts", label=_("Texts per language"), min_num=1, panels=TEXT_PANELS),
]


def _events_of_staff(user, queryset):
    return queryset.filter(pk__in=event_list_for_staff(user=user).values("pk"))


def _dates_of_staff(user, queryset):
    return queryset.filter(pk__in=occurrence_list_for_staff(user=user).values("pk"))


class DatesLinkColumn(Column):
    """A link to the event's dates, where one is moved or cancelled."""

    cell_template_name = "events/admin/dates_link_cell.html"

    def get_value(self, instance):
        return instance.pk


class EventViewSet(MunicipalityScopedViewSet):
    model = Event
    icon = "date"
    menu_label = _("Events")
    list_display = [
        "__str__",
        "event_type",
        Column("starts_at", label=_("First date")),
        "status",
        BooleanColumn("is_published"),
        DatesLinkColumn("dates", label=pgettext_lazy("event session", "Dates")),
    ]
    list_filter = ["municipality", "event_type", "audience", "status", "is_published", "unit"]
    search_fields = ["texts__title"]
    edit_handler = ObjectList(EVENT_PANELS, base_form_class=EventForm)
    narrow_queryset = staticmethod(_events_of_staff)

    @staticmethod
    def save_service(*, instance, by):
        return services.event_save(event=instance, by=by)

    @staticmethod
    def delete_service(*, instance, by):
        return services.event_delete(event=instance, by=by)


class OccurrenceViewSet(MunicipalityScopedViewSet):
    model = Occurrence
    icon = "time"
    menu_label = _("Dates of events")
    list_display = [
        "event",
        "starts_at",
        "ends_at",
        "status",
        BooleanColumn("is_changed"),
        "note",
    ]
    list_filter = ["event", "status", "is_changed"]
    edit_handler = ObjectList(
        [
            FieldPanel("event"),
            FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
            FieldPanel("status"),
            FieldPanel("note"),
        ],
        base_form_class=OccurrenceForm,
    )
    narrow_queryset = staticmethod(_dates_of_staff)

    @staticmethod
    def save_service(*, instance, by):
        if instance.pk is None:
            return services.occurrence_add(
                event=instance.event,
                by=by,
                starts_at=instance.starts_at,
                ends_at=instance.ends_at,
                note=instance.note,
            )
        stored = Occurrence.objects.get(pk=instance.pk)
        return services.occurrence_change(
            occurrence=stored,
            by=by,
            starts_at=instance.starts_at,
            ends_at=instance.ends_at,
            status=instance.status,
            note=instance.note if instance.note != stored.note else "",
        )

    @staticmethod
    def delete_service(*, instance, by):
        return services.occurrence_delete(occurrence=instance, by=by)


class ProgrammeViewSetGroup(ModelViewSetGroup):
    menu_label = _("Programme")
    menu_icon = "date"
    menu_order = 260
    items = (EventViewSet("events"), OccurrenceViewSet("event-dates"))
