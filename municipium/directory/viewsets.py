"""The admin of people. Staff see, edit and choose only the people of the municipalities
they work for: the listing, editing, deleting, history and usage are all scoped."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet

from municipium.tenancy.forms import MunicipalityOwnedForm
from municipium.tenancy.viewsets import scoped_views

from .models import Person
from .selectors import person_list_for_user


class PersonHistoryView(history.HistoryView):
    def get_base_object_queryset(self):
        return person_list_for_user(user=self.request.user)


class PersonUsageView(usage.UsageView):
    def get_base_object_queryset(self):
        return person_list_for_user(user=self.request.user)


class PersonViewSet(ModelViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    add_to_admin_menu = True
    menu_order = 240
    list_display = ["name", "municipality", "email", "phone"]
    list_filter = ["municipality"]
    search_fields = ["name", "email"]
    edit_handler = ObjectList(Person.panels, base_form_class=MunicipalityOwnedForm)
    index_view_class, edit_view_class, delete_view_class = scoped_views("municipality__in")
    history_view_class = PersonHistoryView
    usage_view_class = PersonUsageView
    copy_view_enabled = False
