"""The admin of the organisation. A municipality's administrators edit its units (with their
names and positions), people, job titles and staff memberships; every write goes through the
audited services; nobody sees another municipality's rows."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.admin.viewsets.model import ModelViewSetGroup

from municipium.tenancy.viewsets import MunicipalityScopedViewSet

from . import services
from .forms import AdministeredForm, MembershipForm, UnitForm
from .models import JobTitle, Membership, Person, Unit


class UnitViewSet(MunicipalityScopedViewSet):
    model = Unit
    icon = "group"
    menu_label = _("Units")
    list_display = ["__str__", "code", "kind", "parent", "municipality", "is_active"]
    list_filter = ["municipality", "kind", "is_active"]
    search_fields = ["code", "names__name"]
    edit_handler = ObjectList(Unit.panels, base_form_class=UnitForm)
    save_service = services.unit_save
    delete_service = services.unit_delete


class PersonViewSet(MunicipalityScopedViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    list_display = ["name", "municipality", "email", "phone"]
    list_filter = ["municipality"]
    search_fields = ["name", "email"]
    edit_handler = ObjectList(Person.panels, base_form_class=AdministeredForm)
    save_service = services.person_save
    delete_service = services.person_delete


class JobTitleViewSet(MunicipalityScopedViewSet):
    model = JobTitle
    icon = "tag"
    menu_label = _("Job titles")
    list_display = ["__str__", "code", "municipality"]
    list_filter = ["municipality"]
    edit_handler = ObjectList(JobTitle.panels, base_form_class=AdministeredForm)
    save_service = services.job_title_save
    delete_service = services.job_title_delete


class MembershipViewSet(MunicipalityScopedViewSet):
    model = Membership
    icon = "key"
    menu_label = _("Staff in units")
    municipality_lookup = "unit__municipality__in"
    list_display = ["user", "unit", "role"]
    list_filter = ["role", "unit__municipality"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    edit_handler = ObjectList(Membership.panels, base_form_class=MembershipForm)
    save_service = services.membership_save
    delete_service = services.membership_delete


class OrganisationViewSetGroup(ModelViewSetGroup):
    menu_label = _("Organisation")
    menu_icon = "group"
    menu_order = 240
    items = (
        UnitViewSet("units"),
        PersonViewSet("people"),
        JobTitleViewSet("job-titles"),
        MembershipViewSet("staff-memberships"),
    )
