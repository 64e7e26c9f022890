"""Names per language, kept in child rows and read once with their owner: for any app's
model (units, job titles, request categories)."""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class TranslatedNames:
    """For a model whose child rows ``names`` each hold a ``language`` and a ``name``."""

    def name_in(self, language: str | None = None) -> str:
        """Its name in ``language`` (the active one if None), else its first name (the
        editors enter the default language first), else its code. Reads the rows once
        (prefetch ``names``): no query then."""
        rows = list(self.names.all())
        language = language or translation.get_language()
        for row in rows:
            if row.language == language:
                return row.name
        return rows[0].name if rows else getattr(self, "code", "")

    @property
    def name(self) -> str:
        return self.name_in()

    def __str__(self):
        return self.name_in()


class NameRow(Orderable):
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    name = models.CharField(_("name"), max_length=200)

    panels = [FieldPanel("language"), FieldPanel("name")]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.name


class TranslatedTexts:
    """For a model whose child rows ``texts`` each hold a ``language``."""

    def text_in(self, language: str | None = None):
        """Its row in ``language`` (the active one if None), else its first row, else None.
        Reads the rows once (prefetch ``texts``)."""
        rows = list(self.texts.all())
        language = language or translation.get_language()
        for row in rows:
            if row.language == language:
                return row
        return rows[0] if rows else None


class TextRow(Orderable):
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)

    class Meta(Orderable.Meta):
        abstract = True
