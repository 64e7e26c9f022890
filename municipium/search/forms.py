from django import forms
from django.utils.translation import gettext_lazy as _

from municipium.core.http import whole_number

MAX_LENGTH = 500
MAX_PAGE = 1_000_000


class TrimmedCharField(forms.CharField):
    """Text cut to ``max_length`` rather than refused: a search box never answers with an error."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\x00", "")[: self.max_length]


class PageNumberField(forms.Field):
    """A page number; anything else is page 1."""

    def to_python(self, value):
        return whole_number(value, default=1, minimum=1, maximum=MAX_PAGE)


class SearchForm(forms.Form):
    q = TrimmedCharField(label=_("Search this site"), max_length=MAX_LENGTH, required=False)
    page = PageNumberField(required=False)
