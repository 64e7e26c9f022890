import datetime
import re

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from municipium.news.models import NewsKind

from .factories import article_create, directorate_create, get, sections_create

pytestmark = pytest.mark.django_db

FEEDS = ["rss", "atom"]


def parse(client, path, host="bornova.localhost"):
    response = get(client, path, host=host)
    assert response.status_code == 200, response.content
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.bozo_exception
    return response, feed


@pytest.fixture
def news(bornova, municipality_factory):
    unit = directorate_create(bornova.directory["tr"], "parklar", "Parklar Müdürlüğü")
    article_create(
        bornova.news["tr"], "eski", title="Eski haber", lead="Eski özet.",
        date=datetime.datetime(2026, 1, 5, 9, tzinfo=datetime.UTC), tags=["kültür", "müzik"],
    )  # fmt: skip
    article_create(
        bornova.news["tr"], "park", title="Park haberi", lead="Parklar yenileniyor.",
        kind=NewsKind.PRESS_RELEASE, directorates=[unit],
        date=datetime.datetime(2026, 2, 5, 9, tzinfo=datetime.UTC),
    )  # fmt: skip
    article_create(bornova.news["en"], "english", title="English story")
    sisli = sections_create(municipality_factory(slug="sisli"))
    article_create(sisli.news["tr"], "sisli-haberi", title="Şişli haberi")
    directorate_create(sisli.directory["tr"], "kalem", "Özel Kalem")
    return bornova


@pytest.mark.parametrize("kind", FEEDS)
def test_feed_lists_the_sites_articles_in_its_language_newest_first(client, news, kind):
    response, feed = parse(client, f"/tr/news/feed/{kind}/")
    assert [entry.title for entry in feed.entries] == ["Park haberi", "Eski haber"]
    assert feed.feed.title.startswith("Bornova Belediyesi")  # the name in the feed's language
    assert feed.feed.link == "http://bornova.localhost/tr/news/"
    assert feed.feed.language == "tr"
    park, old = feed.entries
    assert park.link == "http://bornova.localhost/tr/news/park/"
    assert park.summary == "Parklar yenileniyor."
    assert park.published_parsed[:3] == (2026, 2, 5)
    assert re.fullmatch(r"tag:bornova\.localhost,\d{4}-\d\d-\d\d:news/\d+", park.id)
    assert {tag.term for tag in old.tags} == {"kültür", "müzik"}
    assert response["Content-Type"].startswith(f"application/{kind}+xml")


@pytest.mark.parametrize("kind", FEEDS)
def test_feed_never_shows_another_sites_or_languages_articles(client, news, kind):
    _response, feed = parse(client, f"/tr/news/feed/{kind}/")
    titles = {entry.title for entry in feed.entries}
    assert "Şişli haberi" not in titles and "English story" not in titles
    _response, english = parse(client, f"/en/news/feed/{kind}/")
    assert [entry.title for entry in english.entries] == ["English story"]
    assert english.feed.title == "Bornova: news"
    _response, sisli = parse(client, f"/tr/news/feed/{kind}/", host="sisli.localhost")
    assert [entry.title for entry in sisli.entries] == ["Şişli haberi"]


@pytest.mark.parametrize("kind", FEEDS)
def test_directorate_feed_lists_only_its_articles(client, news, kind):
    _response, feed = parse(client, f"/tr/news/feed/{kind}/parklar/")
    assert [entry.title for entry in feed.entries] == ["Park haberi"]
    assert "Parklar Müdürlüğü" in feed.feed.title
    assert feed.feed.link == "http://bornova.localhost/tr/units/parklar/"


def test_an_unknown_directorate_or_another_sites_is_a_404(client, news):
    assert get(client, "/tr/news/feed/rss/yok/").status_code == 404
    assert get(client, "/tr/news/feed/atom/kalem/").status_code == 404  # Şişli's
    assert get(client, "/tr/news/feed/atom/kalem/", host="sisli.localhost").status_code == 200


def test_feed_ids_stay_the_same_when_an_article_is_renamed(client, news):
    _response, before = parse(client, "/tr/news/feed/atom/")
    page = news.news["tr"].get_children().get(slug="park").specific
    page.slug = "park-yenileme"
    page.save_revision().publish()  # purges the site's cached pages
    _response, after = parse(client, "/tr/news/feed/atom/")
    assert before.entries[0].id == after.entries[0].id
    assert after.entries[0].link.endswith("/park-yenileme/")


def test_feeds_are_kept_in_the_page_cache(client, news):
    assert get(client, "/tr/news/feed/rss/")["X-Page-Cache"] == "miss"
    assert get(client, "/tr/news/feed/rss/")["X-Page-Cache"] == "hit"


def test_a_language_the_site_does_not_have_has_no_feed(client, news):
    assert get(client, "/fa/news/feed/rss/").status_code == 404


def test_feed_query_count_does_not_grow_with_the_articles(client, news):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            get(client, "/tr/news/feed/rss/", HTTP_CACHE_CONTROL="no-cache")
        return len(captured)

    get(client, "/tr/news/feed/rss/")
    few = queries()
    for number in range(10):
        article_create(news.news["tr"], f"ek-{number}", tags=["a", "b"])
    get(client, "/tr/news/feed/rss/")  # the tenant snapshot again: the tags purged the site
    assert queries() == few
    assert few <= 6


@pytest.mark.parametrize("path", ["/tr/", "/tr/news/", "/tr/units/", "/tr/search/?q=park"])
def test_the_home_page_and_every_listing_announce_the_sites_feeds(client, bornova, path):
    """Feed readers and browsers look for <link rel="alternate"> in the page's head."""
    response = client.get(path, HTTP_HOST="bornova.localhost")
    assert response.status_code == 200
    head = response.content.decode().split("</head>")[0]
    for kind in ("rss", "atom"):
        link = f'<link rel="alternate" type="application/{kind}+xml" title="'
        assert link in head
        assert f'href="/tr/news/feed/{kind}/">' in head[head.index(link) :].split("\n")[0]
