"""The admin of municipalities and their holidays. Staff see and edit only the municipalities
they work for; every change is logged by Wagtail's model log (the audit trail)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .forms import MunicipalityOwnedForm
from .models import Municipality, PublicHoliday
from .selectors import municipality_list_for_user


def scoped_views(lookup: str) -> tuple[type, ...]:
    """Index, edit, delete, history and usage views limited to the rows of the user's
    municipalities, where ``lookup`` leads from a row to its municipality (``pk__in``,
    ``municipality__in``)."""

    def scope(view, queryset):
        allowed = municipality_list_for_user(user=view.request.user)
        return queryset.filter(**{lookup: allowed})

    class IndexView(generic.IndexView):
        def get_base_queryset(self):
            return scope(self, super().get_base_queryset())

    class EditView(generic.EditView):
        def get_queryset(self):
            return scope(self, self.model._default_manager.all())

    class DeleteView(generic.DeleteView):
        def get_queryset(self):
            return scope(self, self.model._default_manager.all())

    class HistoryView(history.HistoryView):
        def get_base_object_queryset(self):
            return scope(self, super().get_base_object_queryset())

    class UsageView(usage.UsageView):
        def get_base_object_queryset(self):
            return scope(self, super().get_base_object_queryset())

    return IndexView, EditView, DeleteView, HistoryView, UsageView


class MunicipalityScopedViewSet(ModelViewSet):
    """A model admin whose every view shows staff only their municipalities' rows."""

    municipality_lookup = "municipality__in"
    copy_view_enabled = False

    def __init__(self, *args, **kwargs):
        (
            self.index_view_class,
            self.edit_view_class,
            self.delete_view_class,
            self.history_view_class,
            self.usage_view_class,
        ) = scoped_views(self.municipality_lookup)
        super().__init__(*args, **kwargs)


class MunicipalityViewSet(MunicipalityScopedViewSet):
    model = Municipality
    icon = "site"
    menu_label = _("Municipalities")
    list_display = ["__str__", "site", "default_language", "calendar"]
    municipality_lookup = "pk__in"


class PublicHolidayViewSet(MunicipalityScopedViewSet):
    model = PublicHoliday
    icon = "date"
    menu_label = _("Public holidays")
    list_display = ["date", "name", "municipality", "is_half_day", "is_estimate"]
    list_filter = ["municipality", "is_estimate", "is_half_day"]
    search_fields = ["name"]
    edit_handler = ObjectList(PublicHoliday.panels, base_form_class=MunicipalityOwnedForm)


class TenancyViewSetGroup(ModelViewSetGroup):
    menu_label = _("Municipality")
    menu_icon = "site"
    items = (MunicipalityViewSet("municipalities"), PublicHolidayViewSet("holidays"))
