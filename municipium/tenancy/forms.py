from django.core.exceptions import ValidationError
from django.utils.translation import ngettext
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from .ownership import objects_of_other_municipalities
from .selectors import municipality_get_for_page, municipality_list_for_user


def foreign_choices_refuse(form, *, municipality) -> None:
    """Put an error on each field of ``form``, and of the rows of its inline panels, that
    chose a document, image, page or row of another municipality than ``municipality``: the
    form is then invalid and nothing is saved, whatever id was posted. The error names no
    object, so that it tells nothing of the other municipality."""
    foreign = objects_of_other_municipalities(
        municipality=municipality, model=form._meta.model, values=form.cleaned_data
    )
    for name, objects in foreign.items():
        message = ngettext(
            "An item chosen here belongs to another municipality: choose one of this "
            "municipality's.",
            "%(count)d items chosen here belong to another municipality: choose this "
            "municipality's own.",
            len(objects),
        ) % {"count": len(objects)}
        form.add_error(name, ValidationError(message, code="other_municipality"))
    for formset in getattr(form, "formsets", {}).values():
        formset.is_valid()  # cleans its rows
        for row in formset.forms:
            if hasattr(row, "cleaned_data") and not row.cleaned_data.get("DELETE"):
                foreign_choices_refuse(row, municipality=municipality)


class MunicipalPageForm(WagtailAdminPageForm):
    """The editor's form of every page type of the project (``base_form_class``): what a
    page chooses (documents, images, pages, in fields, inline panels, StreamField blocks and
    rich text) must belong to the page's municipality, that of its site."""

    def clean(self):
        cleaned_data = super().clean()
        anchor = self.instance if self.instance.pk else self.parent_page
        municipality = municipality_get_for_page(page=anchor) if anchor is not None else None
        if municipality is not None:
            foreign_choices_refuse(self, municipality=municipality)
        return cleaned_data


class MunicipalityOwnedForm(WagtailAdminModelForm):
    """A form for a row that belongs to a municipality: staff choose only among the
    municipalities they work for, and the row's images, documents and pages only among its
    municipality's."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and "municipality" in self.fields:
            self.fields["municipality"].queryset = municipality_list_for_user(user=self.for_user)

    def chooser_municipalities(self) -> list[int]:
        """The municipalities whose rows this form's own choosers (a venue, a unit) may offer:
        a saved row's municipality, which is then fixed (what it chose is that municipality's),
        else those the user works for."""
        if self.instance.municipality_id:
            self.fields["municipality"].disabled = True
            return [self.instance.municipality_id]
        if self.for_user is None:
            return []
        return list(municipality_list_for_user(user=self.for_user).values_list("pk", flat=True))

    def clean(self):
        cleaned_data = super().clean()
        municipality = cleaned_data.get("municipality")
        if municipality is None and getattr(self.instance, "municipality_id", None):
            municipality = self.instance.municipality
        if municipality is not None:
            foreign_choices_refuse(self, municipality=municipality)
        return cleaned_data


class MunicipalityForm(WagtailAdminModelForm):
    """A municipality's settings: its logo and the page of its accessibility declaration are
    its own."""

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is not None:
            foreign_choices_refuse(self, municipality=self.instance)
        return cleaned_data
