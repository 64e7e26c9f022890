"""Wagtail's simple translation, limited to the languages of the page's site.

Stock ``SubmitTranslationForm`` offers every locale of the installation, so a Turkish site's
editor could create a Persian copy that its site would never serve (the tenant middleware
answers 404 for a language the site does not have). The view below is registered on the same
admin URL, ahead of Wagtail's, and narrows the choice to the municipality's languages."""

from wagtail.contrib.simple_translation.forms import SubmitTranslationForm
from wagtail.contrib.simple_translation.views import SubmitPageTranslationView

from .selectors import municipality_get_for_page


class SiteLanguagesTranslationForm(SubmitTranslationForm):
    def __init__(self, instance, *args, **kwargs):
        super().__init__(instance, *args, **kwargs)
        municipality = municipality_get_for_page(page=instance)
        if municipality is None:
            return
        locales = self.fields["locales"]
        locales.queryset = locales.queryset.filter(language_code__in=municipality.languages)
        disabled = set(locales.widget.disabled_values)
        if not any(locale.pk not in disabled for locale in locales.queryset):
            self.show_submit = False


class SiteLanguagesPageTranslationView(SubmitPageTranslationView):
    def get_form(self):
        data = self.request.POST if self.request.method == "POST" else None
        return SiteLanguagesTranslationForm(self.object, data)
