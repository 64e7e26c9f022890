"""Admin forms of the organisation: every choice is limited to the user's municipalities, and
a unit's parent, people and job titles to its own municipality's."""

from django.contrib.auth import get_user_model
from wagtail.admin.forms import WagtailAdminModelForm

from municipium.tenancy.forms import MunicipalityOwnedForm
from municipium.tenancy.selectors import municipality_list_for_user

from .models import JobTitle, Person, Unit
from .selectors import municipality_list_administered_by


def limit_formset_choices(formset, **querysets) -> None:
    """Give every form of ``formset`` (the empty one that the editor copies too) these
    querysets for its choice fields. Per form instance: the class is shared by all requests."""
    base = formset.form

    class LimitedForm(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            for name, queryset in querysets.items():
                if name in self.fields:
                    self.fields[name].queryset = queryset

    LimitedForm.__name__ = base.__name__
    formset.form = LimitedForm
    formset.__dict__.pop("forms", None)  # built lazily; drop any built with the old class


class UnitForm(MunicipalityOwnedForm):
    """A unit's parent, and its positions' people and titles, come from its municipality; a
    new unit's from the municipalities the user works for (the service then checks that they
    all belong to the one chosen)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.municipality_id:
            municipalities = [self.instance.municipality]
            self.fields["municipality"].disabled = True
        elif self.for_user is not None:
            municipalities = list(municipality_list_for_user(user=self.for_user))
        else:
            municipalities = []
        units = Unit.objects.filter(municipality__in=municipalities).prefetch_related("names")
        if self.instance.pk:
            units = units.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = units
        limit_formset_choices(
            self.formsets["positions"],
            person=Person.objects.filter(municipality__in=municipalities),
            job_title=JobTitle.objects.filter(municipality__in=municipalities).prefetch_related(
                "names"
            ),
        )


class MembershipForm(WagtailAdminModelForm):
    """Administrators choose among their municipalities' units and staff only: the user list
    never shows another municipality's staff."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        administered = (
            municipality_list_administered_by(user=self.for_user) if self.for_user else []
        )
        self.fields["unit"].queryset = Unit.objects.filter(
            municipality__in=administered
        ).prefetch_related("names")
        self.fields["user"].queryset = (
            get_user_model()
            .objects.filter(groups__municipalities__in=administered, is_active=True)
            .distinct()
            .order_by("username")
        )
