from django import forms
from django.utils.translation import pgettext_lazy

from municipium.core.http import whole_number
from municipium.tenancy.forms import MunicipalPageForm


class NewsArticlePageForm(MunicipalPageForm):
    """The editor's form: the related directorates offered are those of the article's own
    site and language, never another municipality's (and, as on every page, its images and
    documents are its municipality's)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("directorates")
        parent = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
        if field is not None and parent is not None:
            from .selectors import directorate_list_for_article_page

            field.queryset = directorate_list_for_article_page(parent=parent)


class NewsFilterForm(forms.Form):
    """The listing's filters, read from the query string. A value that is not among the
    choices is ignored (the listing shows everything for that filter), never an error page.
    ``choices`` is a ``selectors.NewsFilterChoices``."""

    kind = forms.ChoiceField(label=pgettext_lazy("news filter", "Kind"), required=False)
    directorate = forms.ChoiceField(
        label=pgettext_lazy("news filter", "Directorate"), required=False
    )
    tag = forms.ChoiceField(label=pgettext_lazy("news filter", "Topic"), required=False)
    month = forms.ChoiceField(label=pgettext_lazy("news filter", "Month"), required=False)

    ANY = {
        "kind": pgettext_lazy("news filter", "All kinds"),
        "directorate": pgettext_lazy("news filter", "All directorates"),
        "tag": pgettext_lazy("news filter", "All topics"),
        "month": pgettext_lazy("news filter", "All months"),
    }

    def __init__(self, data, *, choices, unit_words=None, **kwargs):
        """``unit_words`` (``tenancy.wording``) names the site's units: sections in a culture
        centre."""
        data = data.copy()
        # A directorate may be given by its id as well as its slug.
        if (number := whole_number(data.get("directorate"))) is not None:
            data["directorate"] = choices.directorate_slugs_by_id.get(number, data["directorate"])
        super().__init__(data, **kwargs)
        every = dict(self.ANY)
        if unit_words is not None:
            self.fields["directorate"].label = unit_words.singular
            every["directorate"] = unit_words.every
        for name, options in choices.as_form_choices().items():
            self.fields[name].choices = [("", every[name]), *options]
        self.is_valid()

    def value(self, name: str) -> str:
        """The field's valid value, or "" when it is absent or not a choice."""
        return self.cleaned_data.get(name, "") if hasattr(self, "cleaned_data") else ""

    @property
    def active(self) -> bool:
        return any(self.value(name) for name in self.fields)
