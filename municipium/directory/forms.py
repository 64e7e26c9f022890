"""The directorate page's editor form: editors choose only among their municipality's people
and the page's own units, and the organisation chart stays a tree."""

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from municipium.tenancy.selectors import municipality_get_for_page


def limit_choices(formset, **querysets) -> None:
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


class DirectoratePageForm(WagtailAdminPageForm):
    def __init__(self, data=None, files=None, parent_page=None, *args, **kwargs):
        super().__init__(data, files, parent_page, *args, **kwargs)
        from .models import DirectoratePage, DirectorateUnit
        from .selectors import person_list_for_municipality

        page = self.instance
        anchor = page if page.pk else parent_page
        municipality = municipality_get_for_page(page=anchor) if anchor is not None else None
        units = DirectorateUnit.objects.none()
        if page.pk:
            units = DirectorateUnit.objects.filter(page_id=page.pk)
        people = person_list_for_municipality(municipality=municipality)
        limit_choices(self.formsets["roles"], person=people, unit=units)
        limit_choices(self.formsets["units"], parent=units)
        if "reports_to_page" in self.fields and municipality is not None:
            self.fields["reports_to_page"].queryset = DirectoratePage.objects.in_site(
                municipality.site
            ).exclude(pk=page.pk)

    def is_valid(self):
        # The rules span the rows of two formsets, which ClusterForm validates after this
        # form's own clean(): check them once every row has been cleaned.
        valid = super().is_valid()
        if not self.is_bound:
            return valid
        self._row_errors = 0
        deleted_units = self._check_units()
        self._check_roles(deleted_units)
        return valid and not self._row_errors

    def _row_error(self, form, field: str, message: str) -> None:
        form.add_error(field, message)
        self._row_errors += 1

    @staticmethod
    def _kept_forms(formset):
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None)
            if data and not data.get("DELETE"):
                yield form, data

    def _check_units(self) -> set[int]:
        formset = self.formsets["units"]
        deleted = {
            form.instance.pk
            for form in formset.forms
            if form.instance.pk and getattr(form, "cleaned_data", {}).get("DELETE")
        }
        parents = {}
        for form, data in self._kept_forms(formset):
            parent = data.get("parent")
            if parent is not None and parent.pk in deleted:
                self._row_error(form, "parent", _("This unit is being removed."))
            elif form.instance.pk:
                parents[form.instance.pk] = parent.pk if parent is not None else None
        for form, _data in self._kept_forms(formset):
            if form.instance.pk and _in_cycle(form.instance.pk, parents):
                message = _("A unit cannot be part of itself, directly or through others.")
                self._row_error(form, "parent", message)
        return deleted

    def _check_roles(self, deleted_units: set[int]) -> None:
        today = timezone.localdate()
        heads = set()
        for form, data in self._kept_forms(self.formsets["roles"]):
            unit = data.get("unit")
            if unit is not None and unit.pk in deleted_units:
                self._row_error(form, "unit", _("This unit is being removed."))
            ended_on = data.get("ended_on")
            if not data.get("is_head") or (ended_on is not None and ended_on < today):
                continue
            key = unit.pk if unit is not None else None
            if key in heads:
                self._row_error(form, "is_head", _("This unit already has a head."))
            heads.add(key)


def _in_cycle(start: int, parents: dict[int, int | None]) -> bool:
    seen, current = set(), parents.get(start)
    while current is not None and current not in seen:
        if current == start:
            return True
        seen.add(current)
        current = parents.get(current)
    return False
