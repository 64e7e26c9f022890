from django.urls import path
from wagtail import hooks

from .translation import SiteLanguagesPageTranslationView
from .viewsets import TenancyViewSetGroup


@hooks.register("register_admin_viewset")
def register_tenancy_viewsets():
    return TenancyViewSetGroup()


@hooks.register("register_admin_urls", order=-1)
def register_site_languages_translation_url():
    """Ahead of ``wagtail.contrib.simple_translation``'s own URL (same path, earlier match)."""
    return [
        path(
            "translation/submit/page/<int:page_id>/",
            SiteLanguagesPageTranslationView.as_view(),
            name="municipium_submit_page_translation",
        )
    ]
