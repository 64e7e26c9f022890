"""The news part of the demo, for one site (the whole demo is tested in tests/test_demo.py)."""

import pytest
from wagtail.images import get_image_model

from municipium.directory.demo import directory_ensure
from municipium.news.demo import news_ensure
from municipium.news.models import NewsArticlePage, NewsKind
from municipium.news.selectors import news_view_count_get

from .factories import get

pytestmark = pytest.mark.django_db

MEMORANDUM = "tafahomnameh-amoozesh-parvaresh"


@pytest.fixture
def bumehen_demo(municipality_factory, media_root):
    municipality = municipality_factory(
        slug="bumehen", country="IR", languages=["fa", "en"], calendar="solar_hijri",
        time_zone="Asia/Tehran",
    )  # fmt: skip
    directory_ensure("bumehen", municipality.homes)
    news_ensure("bumehen", municipality.homes, collection=municipality.collection)
    return municipality


def test_the_memorandum_is_in_persian_and_english_with_the_views_of_page_003(bumehen_demo):
    persian, english = (
        NewsArticlePage.objects.get(slug=MEMORANDUM, locale__language_code=language)
        for language in ("fa", "en")
    )
    assert persian.translation_key == english.translation_key
    assert news_view_count_get(page_id=persian.pk) == 451
    assert persian.kind == NewsKind.NEWS
    assert [d.slug for d in persian.directorates.all()] == ["farhangi-ejtemaei"]
    assert set(english.tags.names()) == {"civic culture", "education"}
    assert persian.image_alt and persian.image_caption and persian.image.description
    assert persian.image.collection == bumehen_demo.collection  # its pages may use it


def test_loading_the_news_again_changes_nothing(bumehen_demo):
    before = (NewsArticlePage.objects.count(), get_image_model().objects.count())
    news_ensure("bumehen", bumehen_demo.homes, collection=bumehen_demo.collection)
    assert (NewsArticlePage.objects.count(), get_image_model().objects.count()) == before
    memorandum = NewsArticlePage.objects.get(slug=MEMORANDUM, locale__language_code="fa")
    assert news_view_count_get(page_id=memorandum.pk) == 451


def test_the_memorandum_page_shows_its_date_and_views_as_page_003(client, bumehen_demo):
    html = get(client, f"/fa/اخبار/{MEMORANDUM}/", host="bumehen.localhost").content.decode()
    assert "۱۷ دی ۱۴۰۱" in html
    assert "۴۵۲" in html  # 451 from the former portal, and this reader


def test_every_demo_article_has_a_body_in_every_language():
    from municipium.news.demo import ARTICLES

    empty = [
        (site, article["slug"], language)
        for site, articles in ARTICLES.items()
        for article in articles
        for language, fields in article.items()
        if isinstance(fields, dict) and not fields.get("body")
    ]
    assert empty == []


def test_every_demo_drawing_has_alt_text_in_each_language_of_its_article():
    from municipium.news.demo import ARTICLES
    from municipium.news.demo_images import DRAWINGS

    pictured = [a for articles in ARTICLES.values() for a in articles if "image" in a]
    assert len(pictured) >= 8 and {a["image"] for a in pictured} <= set(DRAWINGS)
    for article in pictured:
        for fields in (v for v in article.values() if isinstance(v, dict)):
            assert fields["image_alt"] and fields["image_caption"], article["slug"]
