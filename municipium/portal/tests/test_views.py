import datetime

import pytest
from django.test import RequestFactory

from municipium.core.pages import page_ensure
from municipium.directory.models import DirectoratePage, DirectoryIndexPage
from municipium.news.models import NewsArticlePage, NewsIndexPage
from municipium.tenancy.selectors import tenant_get_for_hostname

pytestmark = pytest.mark.django_db


@pytest.fixture
def bornova(municipality_factory):
    municipality = municipality_factory(slug="bornova")
    home = municipality.homes["tr"]
    home.news_page = page_ensure(
        parent=home, page_class=NewsIndexPage, slug="haberler", language="tr", title="Haberler"
    )
    home.directory_page = page_ensure(
        parent=home, page_class=DirectoryIndexPage, slug="mudurlukler", language="tr",
        title="Müdürlükler",
    )  # fmt: skip
    home.save()
    return municipality


def add_content(home, count, start=0):
    for number in range(start, start + count):
        page_ensure(
            parent=home.news_page.specific, page_class=NewsArticlePage, slug=f"haber-{number}",
            language="tr", title=f"Haber {number}", lead="Kısa bir özet.",
            date=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
            + datetime.timedelta(days=number),
        )  # fmt: skip
        page_ensure(
            parent=home.directory_page.specific, page_class=DirectoratePage,
            slug=f"mudurluk-{number}", language="tr", title=f"Müdürlük {number}",
        )  # fmt: skip


def uncached_queries(client, path) -> tuple[int, int]:
    """The queries of an uncached request of ``path`` right after a publish (the tenant
    snapshot and the site's data read afresh), then of the next one (both kept under the new
    cache generation)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from municipium.tenancy.models import Municipality
    from municipium.tenancy.services import municipality_purge_cache

    client.get(path, HTTP_HOST="bornova.localhost")  # this process's content types...
    municipality_purge_cache(municipality=Municipality.objects.get(slug="bornova"))
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(
                path, HTTP_HOST="bornova.localhost", HTTP_CACHE_CONTROL="no-cache"
            )
        assert response.status_code == 200
        counts.append(len(captured))
    return tuple(counts)


def test_home_page_shows_latest_news_directorates_and_contacts(client, bornova):
    add_content(bornova.homes["tr"], 6)
    html = client.get("/tr/", HTTP_HOST="bornova.localhost").content.decode()
    assert "Haber 5" in html and "Haber 2" in html and "Haber 1" not in html  # the latest four
    assert "Müdürlük 0" in html
    assert "info@example.org" in html


def test_home_page_query_count_does_not_grow_with_the_content(client, bornova):
    add_content(bornova.homes["tr"], 3)
    few = uncached_queries(client, "/tr/")
    add_content(bornova.homes["tr"], 27, start=3)
    many = uncached_queries(client, "/tr/")
    assert many == few
    assert few == (10, 1)  # after a publish: the tenant snapshot, the sections, the page


def test_an_article_published_or_unpublished_shows_on_the_home_page_at_once(client, bornova):
    add_content(bornova.homes["tr"], 3)
    fresh = {"HTTP_HOST": "bornova.localhost", "HTTP_CACHE_CONTROL": "no-cache"}
    assert "Haber 2" in client.get("/tr/", **fresh).content.decode()  # the sections now kept
    article = NewsArticlePage(
        title="Yeni park açıldı", slug="yeni-park", lead="Bugün.",
        date=datetime.datetime(2026, 6, 1, tzinfo=datetime.UTC), live=False,
    )  # fmt: skip
    bornova.homes["tr"].news_page.add_child(instance=article)
    article.save_revision().publish()
    assert "Yeni park açıldı" in client.get("/tr/", **fresh).content.decode()
    assert "Yeni park açıldı" in client.get("/tr/", HTTP_HOST="bornova.localhost").content.decode()
    NewsArticlePage.objects.get(pk=article.pk).unpublish()
    assert "Yeni park açıldı" not in client.get("/tr/", **fresh).content.decode()


def test_a_home_page_preview_lists_the_sections_its_draft_names(client, bornova):
    from municipium.portal.selectors import home_sections_get

    add_content(bornova.homes["tr"], 1)
    home = bornova.homes["tr"]
    request = RequestFactory().get("/tr/", HTTP_HOST="bornova.localhost")
    request.tenant = tenant_get_for_hostname("bornova.localhost")
    assert home_sections_get(home=home, request=request).latest_news  # kept
    home.news_page = None
    request.is_preview = True
    assert home_sections_get(home=home, request=request).latest_news == []


def test_the_kept_news_cards_never_make_their_image_renditions_again(
    client, bornova, settings, tmp_path
):
    from unittest import mock

    from wagtail.images import get_image_model

    from municipium.news.tests.factories import image_create

    settings.MEDIA_ROOT = tmp_path
    add_content(bornova.homes["tr"], 1)
    article = NewsArticlePage.objects.get(slug="haber-0")
    article.image = image_create(description="Park")
    article.save_revision().publish()  # the card's rendition does not exist yet
    fresh = {"HTTP_HOST": "bornova.localhost", "HTTP_CACHE_CONTROL": "no-cache"}
    assert 'class="card__image"' in client.get("/tr/", **fresh).content.decode()
    with mock.patch.object(
        get_image_model(), "create_rendition", side_effect=AssertionError("made again")
    ):
        assert 'class="card__image"' in client.get("/tr/", **fresh).content.decode()
