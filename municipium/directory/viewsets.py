"""The admin of people. Staff see, edit and choose only the people of the municipalities
they work for: the listing, editing, deleting, history and usage are all scoped."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList

from municipium.tenancy.forms import MunicipalityOwnedForm
from municipium.tenancy.viewsets import MunicipalityScopedViewSet

from .models import Person
from .services import person_delete, person_save


class PersonViewSet(MunicipalityScopedViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    add_to_admin_menu = True
    menu_order = 240
    list_display = ["name", "municipality", "email", "phone"]
    list_filter = ["municipality"]
    search_fields = ["name", "email"]
    edit_handler = ObjectList(Person.panels, base_form_class=MunicipalityOwnedForm)
    save_service = staticmethod(lambda *, instance, by: person_save(person=instance, by=by))
    delete_service = staticmethod(lambda *, instance, by: person_delete(person=instance, by=by))
