"""The admin of the organisation. A municipality's administrators edit its units (with their
names and positions), people, job titles and staff memberships; every write goes through the
audited services; nobody sees another municipality's rows."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.viewsets.model import ModelViewSetGroup

from municipium.tenancy.forms import MunicipalityOwnedForm
from municipium.tenancy.viewsets import MunicipalityScopedViewSet

from . import services
from .forms import MembershipForm, UnitForm
from .models import JobTitle, Membership, Person, Unit
from .selectors import membership_list_for_user, unit_list_for_staff


def _units_of_staff(user, queryset):
    """Staff see the units they may act in (a manager: the unit and those below it); a
    municipality's administrators see all of its units."""
    return queryset.filter(pk__in=unit_list_for_staff(user=user).values("pk"))


def _memberships_administered(user, queryset):
    return queryset.filter(pk__in=membership_list_for_user(user=user).values("pk"))


class UnitViewSet(MunicipalityScopedViewSet):
    model = Unit
    icon = "group"
    menu_label = _("Units")
    list_display = [
        "__str__", "code", "kind", "parent", "municipality", BooleanColumn("is_active")
    ]  # fmt: skip
    list_filter = ["municipality", "kind", "is_active"]
    search_fields = ["code", "names__name"]
    edit_handler = ObjectList(Unit.panels, base_form_class=UnitForm)
    save_service = services.unit_save
    delete_service = services.unit_delete
    narrow_queryset = staticmethod(_units_of_staff)


class PersonViewSet(MunicipalityScopedViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    list_display = ["name", "municipality", "email", "phone"]
    list_filter = ["municipality"]
    search_fields = ["name", "email"]
    edit_handler = ObjectList(Person.panels, base_form_class=MunicipalityOwnedForm)
    save_service = services.person_save
    delete_service = services.person_delete


class JobTitleViewSet(MunicipalityScopedViewSet):
    model = JobTitle
    icon = "tag"
    menu_label = _("Job titles")
    list_display = ["__str__", "code", "municipality"]
    list_filter = ["municipality"]
    edit_handler = ObjectList(JobTitle.panels, base_form_class=MunicipalityOwnedForm)
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
    narrow_queryset = staticmethod(_memberships_administered)


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
