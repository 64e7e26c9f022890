"""Admin forms of the organisation: every choice is limited to the user's municipalities, and
a unit's parent, people and job titles to its own municipality's."""

from wagtail.admin.forms import WagtailAdminModelForm

from municipium.tenancy.forms import MunicipalityOwnedForm

from .selectors import (
    job_title_list_for_municipality,
    municipality_list_administered_by,
    person_list_for_municipality,
    unit_list_for_municipality,
)


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


class AdministeredForm(MunicipalityOwnedForm):
    """Staff choose only among the municipalities they administer."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and "municipality" in self.fields:
            self.fields["municipality"].queryset = municipality_list_administered_by(
                user=self.for_user
            )


class UnitForm(AdministeredForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        municipality = self.instance.municipality if self.instance.municipality_id else None
        if municipality is None:
            return
        units = unit_list_for_municipality(municipality=municipality)
        if self.instance.pk:
            units = units.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = units
        self.fields["municipality"].disabled = True
        limit_formset_choices(
            self.formsets["positions"],
            person=person_list_for_municipality(municipality=municipality),
            job_title=job_title_list_for_municipality(municipality=municipality),
        )


class MembershipForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None:
            administered = municipality_list_administered_by(user=self.for_user)
            self.fields["unit"].queryset = self.fields["unit"].queryset.filter(
                municipality__in=administered
            )
