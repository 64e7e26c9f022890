"""Pages and their translations made in place, for any app, with Wagtail's own page type."""

import pytest
from wagtail.models import Locale, Page

from municipium.core.pages import page_ensure, translations_ensure

pytestmark = pytest.mark.django_db


@pytest.fixture
def locales():
    for language in ("tr", "en"):
        Locale.objects.get_or_create(language_code=language)


def test_page_ensure_twice_updates_the_page_in_place(locales):
    root = Page.get_first_root_node()
    first = page_ensure(parent=root, page_class=Page, slug="town", language="tr", title="Kent")
    count = Page.objects.count()
    again = page_ensure(parent=root, page_class=Page, slug="town", language="tr", title="Şehir")
    assert again.pk == first.pk
    assert Page.objects.count() == count
    assert Page.objects.get(pk=first.pk).title == "Şehir"


def test_translations_ensure_links_every_language_to_the_first_with_its_own_slug(locales):
    root = Page.get_first_root_node()
    homes = translations_ensure(
        parents={"tr": root, "en": root},
        page_class=Page,
        slug={"tr": "town", "en": "town-en"},
        fields={"tr": {"title": "Kent"}, "en": {"title": "Town"}},
    )
    assert [homes["tr"].slug, homes["en"].slug] == ["town", "town-en"]
    assert homes["en"].translation_key == homes["tr"].translation_key
    assert homes["en"].locale.language_code == "en"


def test_translations_ensure_leaves_out_languages_without_fields(locales):
    root = Page.get_first_root_node()
    made = translations_ensure(
        parents={"tr": root, "en": root}, page_class=Page, slug="only-tr",
        fields={"tr": {"title": "Yalnız"}},
    )  # fmt: skip
    assert list(made) == ["tr"]
