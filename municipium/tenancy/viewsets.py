"""The admin of municipalities and their holidays. Staff see and edit only the municipalities
they work for; every change goes through a named service that writes one audit entry."""

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .forms import MunicipalityForm, MunicipalityOwnedForm
from .models import Municipality, PublicHoliday
from .selectors import municipality_list_for_user
from .services import (
    municipality_delete,
    municipality_save,
    public_holiday_delete,
    public_holiday_save,
)


class ServiceSaveMixin:
    """A create or edit view that saves through the viewset's ``save_service`` (a named,
    audited service taking the instance with the form's unsaved changes and ``by``) instead
    of Wagtail's own action, so the change is validated and logged once, by the service."""

    save_service = None
    # Form fields the service sets itself (many-to-many: they belong in its before and after),
    # passed to it as keyword arguments from the form's cleaned data.
    save_service_fields = ()

    def save_instance(self):
        service = self.save_service
        if service is None:
            return super().save_instance()
        instance = self.form.save(commit=False)
        fields = {
            name: self.form.cleaned_data[name]
            for name in self.save_service_fields
            if name in self.form.cleaned_data
        }
        instance = service(instance=instance, by=self.request.user, **fields)
        if hasattr(self.form, "save_m2m"):
            self.form.save_m2m()
        return instance

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            # A rule of the service: shown on the form, nothing saved (the view's atomic
            # block rolled back).
            form.add_error(None, error)
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


def filters_scope(filterset, allowed) -> None:
    """Offer in a list's filters only the ``allowed`` municipalities and the rows that belong
    to them: a filter's choices are a list of another municipality's names otherwise."""
    for name, list_filter in filterset.filters.items():
        queryset = getattr(list_filter, "queryset", None)
        if queryset is None:
            continue
        if queryset.model is Municipality:
            queryset = queryset.filter(pk__in=allowed)
        elif any(field.name == "municipality" for field in queryset.model._meta.get_fields()):
            queryset = queryset.filter(municipality__in=allowed)
        else:
            continue
        list_filter.queryset = queryset
        filterset.form.fields[name].queryset = queryset


def scoped_views(lookup: str, narrow=None) -> tuple[type, ...]:
    """Create, index, edit, delete, history and usage views limited to the rows of the
    user's municipalities, where ``lookup`` leads from a row to its municipality (``pk__in``,
    ``municipality__in``), and further by ``narrow(user, queryset)`` if given (the units a
    member of staff may see). Writes go through the viewset's services when it names them."""

    def scope(view, queryset):
        allowed = municipality_list_for_user(user=view.request.user)
        queryset = queryset.filter(**{lookup: allowed})
        return narrow(view.request.user, queryset) if narrow is not None else queryset

    class CreateView(ServiceSaveMixin, generic.CreateView):
        pass

    class IndexView(generic.IndexView):
        def get_base_queryset(self):
            return scope(self, super().get_base_queryset())

        @cached_property
        def filters(self):
            filterset = super().filters
            if filterset is not None:
                filters_scope(filterset, municipality_list_for_user(user=self.request.user))
            return filterset

    class EditView(ServiceSaveMixin, generic.EditView):
        def get_queryset(self):
            return scope(self, self.model._default_manager.all())

    class DeleteView(generic.DeleteView):
        delete_service = None

        def get_queryset(self):
            return scope(self, self.model._default_manager.all())

        def delete_action(self):
            if self.delete_service is None:
                return super().delete_action()
            return self.delete_service(instance=self.object, by=self.request.user)

    class HistoryView(history.HistoryView):
        def get_base_object_queryset(self):
            return scope(self, super().get_base_object_queryset())

    class UsageView(usage.UsageView):
        def get_base_object_queryset(self):
            return scope(self, super().get_base_object_queryset())

    return CreateView, IndexView, EditView, DeleteView, HistoryView, UsageView


class MunicipalityScopedViewSet(ModelViewSet):
    """A model admin whose every view shows staff only their municipalities' rows.

    ``save_service(*, instance, by)`` and ``delete_service(*, instance, by)``, when set, are
    the audited services that the create, edit and delete views call."""

    municipality_lookup = "municipality__in"
    copy_view_enabled = False
    save_service = None
    save_service_fields = ()
    delete_service = None
    narrow_queryset = None  # (user, queryset) -> queryset, within the user's municipalities

    def __init__(self, *args, **kwargs):
        (
            self.add_view_class,
            self.index_view_class,
            self.edit_view_class,
            self.delete_view_class,
            self.history_view_class,
            self.usage_view_class,
        ) = scoped_views(self.municipality_lookup, type(self).narrow_queryset)
        super().__init__(*args, **kwargs)

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(**self._save_service_kwargs(), **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(**self._save_service_kwargs(), **kwargs)

    def _save_service_kwargs(self):
        return {
            "save_service": self._service("save_service"),
            "save_service_fields": self.save_service_fields,
        }

    def _service(self, name):
        # Read from the class: a function assigned there (``save_service = unit_save``) is
        # not to be bound to the viewset as a method.
        return getattr(type(self), name)

    def get_delete_view_kwargs(self, **kwargs):
        service = self._service("delete_service")
        return super().get_delete_view_kwargs(delete_service=service, **kwargs)


class MunicipalityViewSet(MunicipalityScopedViewSet):
    model = Municipality
    icon = "site"
    menu_label = _("Municipalities")
    list_display = ["__str__", "site", "default_language", "calendar"]
    municipality_lookup = "pk__in"
    save_service_fields = ("staff_groups",)
    edit_handler = ObjectList(Municipality.panels, base_form_class=MunicipalityForm)

    @staticmethod
    def save_service(*, instance, by, staff_groups=None):
        return municipality_save(municipality=instance, by=by, staff_groups=staff_groups)

    @staticmethod
    def delete_service(*, instance, by):
        return municipality_delete(municipality=instance, by=by)


class PublicHolidayViewSet(MunicipalityScopedViewSet):
    model = PublicHoliday
    icon = "date"
    menu_label = _("Public holidays")
    list_display = [
        "date", "name", "municipality", BooleanColumn("is_half_day"), BooleanColumn("is_estimate")
    ]  # fmt: skip
    list_filter = ["municipality", "is_estimate", "is_half_day"]
    search_fields = ["name"]
    edit_handler = ObjectList(PublicHoliday.panels, base_form_class=MunicipalityOwnedForm)

    @staticmethod
    def save_service(*, instance, by):
        return public_holiday_save(holiday=instance, by=by)

    @staticmethod
    def delete_service(*, instance, by):
        return public_holiday_delete(holiday=instance, by=by)


class TenancyViewSetGroup(ModelViewSetGroup):
    menu_label = _("Municipality")
    menu_icon = "site"
    items = (MunicipalityViewSet("municipalities"), PublicHolidayViewSet("holidays"))
