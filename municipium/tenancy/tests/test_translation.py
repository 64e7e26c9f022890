"""The admin's "Translate" screen offers only the languages of the page's own site."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from municipium.core.pages import page_ensure
from municipium.portal.models import StandardPage
from municipium.tenancy.services import locale_ensure_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def untranslated_page(municipality_factory):
    locale_ensure_all()
    bornova = municipality_factory(slug="bornova", languages=["tr", "en"])
    home = bornova.site.root_page
    return page_ensure(
        parent=home, page_class=StandardPage, slug="hakkinda", language="tr", title="Hakkında"
    )


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("root", password="x"))
    return client


def url(page):
    return f"/admin/translation/submit/page/{page.pk}/"


def test_only_the_sites_other_languages_are_offered(admin_client, untranslated_page):
    response = admin_client.get(url(untranslated_page), HTTP_HOST="bornova.localhost")
    assert response.status_code == 200
    offered = {
        locale.language_code for locale in response.context["form"].fields["locales"].queryset
    }
    assert offered == {"en"}
    assert Locale.objects.filter(language_code__in=["fa", "pl"]).count() == 2


def test_a_language_the_site_does_not_have_is_refused(admin_client, untranslated_page):
    persian = Locale.objects.get(language_code="fa")
    response = admin_client.post(
        url(untranslated_page), {"locales": [persian.pk]}, HTTP_HOST="bornova.localhost"
    )
    assert response.status_code == 200  # the form again, with its error
    assert response.context["form"].errors["locales"]
    assert not StandardPage.objects.filter(locale=persian).exists()


def test_the_sites_language_is_translated(admin_client, untranslated_page):
    english = Locale.objects.get(language_code="en")
    response = admin_client.post(
        url(untranslated_page), {"locales": [english.pk]}, HTTP_HOST="bornova.localhost"
    )
    assert response.status_code == 302
    assert untranslated_page.get_translation(english).title == "Hakkında"
