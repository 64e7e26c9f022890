"""The words a site uses for its units, by the kind of institution it is
(``Municipality.institution_kind``): one word per language and kind, the same in the menu's
page, the directory, the home page, the news and the search. A municipality has directorates
(Müdürlük, اداره, Wydział); a culture centre has sections (Dział)."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .models import InstitutionKind


@dataclass(frozen=True)
class UnitWords:
    singular: Promise
    plural: Promise
    every: Promise  # the filter's choice of no unit in particular
    related: Promise  # an article's units
    find: Promise  # the directory's filter
    none_found: Promise


_WORDS = {
    InstitutionKind.MUNICIPALITY: UnitWords(
        singular=_("Directorate"),
        plural=_("Directorates"),
        every=_("All directorates"),
        related=_("Related directorates"),
        find=_("Find a directorate or a person"),
        none_found=_("No directorate matches your search."),
    ),
    InstitutionKind.CULTURE_CENTRE: UnitWords(
        singular=pgettext_lazy("unit of a culture centre", "Section"),
        plural=pgettext_lazy("units of a culture centre", "Sections"),
        every=pgettext_lazy("units of a culture centre", "All sections"),
        related=pgettext_lazy("units of a culture centre", "Related sections"),
        find=pgettext_lazy("units of a culture centre", "Find a section or a person"),
        none_found=pgettext_lazy("units of a culture centre", "No section matches your search."),
    ),
}


def unit_words(*, kind: str) -> UnitWords:
    return _WORDS.get(kind, _WORDS[InstitutionKind.MUNICIPALITY])
