"""The editors' forms of exhibitions and items: the venues, partners and consents offered are
the page's municipality's; an item without consent to publish online cannot be published."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from municipium.tenancy.forms import MunicipalPageForm
from municipium.tenancy.selectors import municipality_get_for_page

PUBLISH_REFUSED = _(
    "This item cannot be published: its contributor has not consented to publication on the "
    "municipality's website (or withdrew the consent). Save it as a draft, or choose a consent "
    "that allows publication on the website."
)


class _MunicipalChoicesForm(MunicipalPageForm):
    narrowed = ()  # fields whose rows have a ``municipality``

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = self._municipality()
        for name in self.narrowed:
            if name in self.fields:
                queryset = self.fields[name].queryset
                self.fields[name].queryset = queryset.filter(municipality=self.municipality)

    def _municipality(self):
        anchor = self.instance if self.instance.pk else self.parent_page
        return municipality_get_for_page(page=anchor) if anchor is not None else None


class ExhibitionPageForm(_MunicipalChoicesForm):
    narrowed = ("venue", "partners")


class ArchiveItemPageForm(_MunicipalChoicesForm):
    narrowed = ("consent",)

    def clean(self):
        cleaned_data = super().clean()
        consent = cleaned_data.get("consent")
        if "action-publish" in self.data and not (consent and consent.allows_online):
            self.add_error("consent", ValidationError(PUBLISH_REFUSED, code="no_consent"))
        identifier = (cleaned_data.get("identifier") or "").strip()
        if identifier and self.municipality is not None:
            from .selectors import item_identifier_taken

            if item_identifier_taken(
                municipality=self.municipality,
                identifier=identifier,
                translation_key=self.instance.translation_key,
                excluding=self.instance.pk,
            ):
                self.add_error(
                    "identifier",
                    _("Another item of this archive has this inventory number."),
                )
        return cleaned_data


def page_publish_refusal(page: Page) -> str | None:
    """Why ``page`` may not be published, or None: the second guard, at publication itself."""
    specific = page.specific
    if hasattr(specific, "is_public_online") and not specific.is_public_online:
        return str(PUBLISH_REFUSED)
    return None
