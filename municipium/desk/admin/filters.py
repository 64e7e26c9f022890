"""The filters of the case list: status, category, unit, channel, owner, filing date and
overdue, each offering only the current municipality's choices that the user may see."""

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import WagtailFilterSet

from municipium.cases import kinds
from municipium.cases.selectors import case_channel_choices
from municipium.core.filters import CalendarDateFromToRangeFilter

from ..kind import CODE
from .selectors import category_list_for_municipality, staff_list_for_cases, unit_list_for_cases

ME, NOBODY, OVERDUE_ONLY = "me", "nobody", "1"


class CaseFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), field_name="status")
    category = django_filters.ModelChoiceFilter(
        label=_("Category"), field_name="citizen_request__category", queryset=None
    )
    unit = django_filters.ModelChoiceFilter(label=_("Unit"), field_name="unit", queryset=None)
    channel = django_filters.ChoiceFilter(
        label=_("Channel"), field_name="channel", choices=case_channel_choices
    )
    owner = django_filters.ChoiceFilter(label=_("Owner"), method="filter_owner")
    # Typed and shown in the staff member's calendar (Solar Hijri on Bumehen).
    filed = CalendarDateFromToRangeFilter(label=_("Filed between"), field_name="filed_at")
    # A choice, not a yes-or-no box: an unticked box would read as "not overdue", shown as
    # an active filter on every list.
    overdue = django_filters.ChoiceFilter(
        label=pgettext_lazy("case list filter", "Overdue"),
        method="filter_overdue",
        choices=[(OVERDUE_ONLY, _("Overdue only"))],
        empty_label=_("All"),
    )

    def __init__(self, *args, municipality=None, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.request.user
        declared = kinds.get(CODE)
        self.filters["status"].extra["choices"] = [(s.code, s.label) for s in declared.statuses]
        staff = staff_list_for_cases(municipality=municipality, user=user)
        self.filters["owner"].extra["choices"] = [
            (ME, _("Me")),
            (NOBODY, _("Nobody")),
            *(
                (str(person.pk), person.get_full_name() or person.get_username())
                for person in staff
            ),
        ]
        # Querysets last: ``self.form`` builds the form, with the choices set above.
        categories = category_list_for_municipality(municipality=municipality)
        units = unit_list_for_cases(municipality=municipality, user=user)
        for name, queryset in (("category", categories), ("unit", units)):
            self.filters[name].queryset = queryset
            self.form.fields[name].queryset = queryset

    def filter_owner(self, queryset, name, value):
        if value == ME:
            return queryset.filter(owner=self.request.user)
        if value == NOBODY:
            return queryset.filter(owner__isnull=True)
        return queryset.filter(owner_id=value) if value.isdigit() else queryset.none()

    def filter_overdue(self, queryset, name, value):
        if value != OVERDUE_ONLY:
            return queryset
        declared = kinds.get(CODE)
        running = [
            s.code for s in declared.statuses if s.clock == kinds.Clock.RUNNING and not s.is_closed
        ]
        return queryset.filter(Q(status__in=running), due_at__lt=timezone.now())
