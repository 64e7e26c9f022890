import datetime

import pytest

from municipium.core.pages import page_ensure
from municipium.directory.models import DirectoratePage, DirectoryIndexPage
from municipium.news.models import NewsArticlePage, NewsIndexPage

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


def queries_for(client, django_assert_max_num_queries, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path, HTTP_HOST="bornova.localhost")  # tenant snapshot into the cache
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, HTTP_HOST="bornova.localhost", HTTP_CACHE_CONTROL="no-cache")
    assert response.status_code == 200
    return len(captured)


def test_home_page_shows_latest_news_directorates_and_contacts(client, bornova):
    add_content(bornova.homes["tr"], 6)
    html = client.get("/tr/", HTTP_HOST="bornova.localhost").content.decode()
    assert "Haber 5" in html and "Haber 2" in html and "Haber 1" not in html  # the latest four
    assert "Müdürlük 0" in html
    assert "info@example.org" in html


def test_home_page_query_count_does_not_grow_with_the_content(
    client, bornova, django_assert_max_num_queries
):
    add_content(bornova.homes["tr"], 3)
    few = queries_for(client, django_assert_max_num_queries, "/tr/")
    add_content(bornova.homes["tr"], 20, start=3)
    many = queries_for(client, django_assert_max_num_queries, "/tr/")
    assert many == few
    assert few <= 12
