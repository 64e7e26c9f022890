from django.urls import reverse
from django.utils import translation

from .wording import unit_words


def tenant(request):
    """The municipality of the request and what every page's frame shows of it."""
    current = getattr(request, "tenant", None)
    if current is None:
        return {"tenant": None}
    language = translation.get_language()
    return {
        "tenant": current,
        "municipality": current.municipality,
        "municipality_name": current.name(language),
        "site_home_url": current.home_url(language),
        "main_menu": current.menus.get(language, ()),
        "unit_words": unit_words(kind=current.municipality.institution_kind),
        "accessibility_url": current.accessibility_urls.get(language, ""),
        # The brand colours' stylesheet, new with each cache generation (core's base.html).
        "theme_css_url": f"{reverse('tenancy:theme-css')}?g={current.cache_generation}",
    }
