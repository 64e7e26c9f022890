"""Which requests count as a view, whether the page is rendered or served from the page cache."""

import pytest
from django.contrib.auth import get_user_model

from municipium.news.counting import is_bot
from municipium.news.selectors import news_view_count_get

from .factories import BROWSER, article_create, get

pytestmark = pytest.mark.django_db

PATH = "/tr/news/haber/"


@pytest.fixture
def article(bornova):
    return article_create(bornova.news["tr"], "haber")


def views(article):
    return news_view_count_get(page_id=article.pk)


def test_each_reader_counts_whether_the_page_is_rendered_or_cached(client, article):
    assert get(client, PATH)["X-Page-Cache"] == "miss"
    assert get(client, PATH)["X-Page-Cache"] == "hit"
    assert get(client, PATH)["X-Page-Cache"] == "hit"
    assert views(article) == 3


def test_the_count_shown_includes_the_reader(client, bornova):
    article_create(bornova.news["en"], "story")
    assert "Views: 1</p>" in get(client, "/en/news/story/").content.decode()
    get(client, "/en/news/story/")  # from the cache: counted, the cached page unchanged
    fresh = get(client, "/en/news/story/", HTTP_CACHE_CONTROL="no-cache")
    assert "Views: 3</p>" in fresh.content.decode()


@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Mozilla/5.0 (compatible; YandexBot/3.0)",
        "WhatsApp/2.23.20.0",
        "TelegramBot (like TwitterBot)",
        "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/131.0.0.0",
        "curl/8.5.0",
        "python-requests/2.32.3",
        "Wget/1.21.4",
        "Feedly/1.0 (+http://www.feedly.com/fetcher.html)",
        "",
        "   ",
    ],
)
def test_bots_and_programs_are_not_counted_rendered_or_cached(client, article, user_agent):
    get(client, PATH, user_agent=user_agent)
    get(client, PATH, user_agent=user_agent)  # from the cache
    assert views(article) == 0


def test_a_request_without_user_agent_is_not_counted(client, article):
    get(client, PATH, user_agent=None)
    assert views(article) == 0


@pytest.mark.parametrize(
    "user_agent",
    [
        BROWSER,
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
        "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) "
        "SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36",
    ],
)
def test_browsers_are_people(user_agent):
    assert not is_bot(user_agent)


def test_head_requests_are_not_counted(client, article):
    client.head(PATH, HTTP_HOST="bornova.localhost", HTTP_USER_AGENT=BROWSER)
    get(client, PATH)
    client.head(PATH, HTTP_HOST="bornova.localhost", HTTP_USER_AGENT=BROWSER)  # cached
    assert views(article) == 1


def test_prefetches_are_not_counted(client, article):
    get(client, PATH, HTTP_SEC_PURPOSE="prefetch")
    get(client, PATH, HTTP_SEC_PURPOSE="prefetch;prerender")
    assert views(article) == 0


def test_signed_in_staff_are_not_counted(client, article):
    client.force_login(get_user_model().objects.create_user("editor", password="x"))
    get(client, PATH)
    assert views(article) == 0


def test_a_preview_in_the_editor_is_not_counted(rf, article):
    request = rf.get(PATH, HTTP_HOST="bornova.localhost", HTTP_USER_AGENT=BROWSER)
    request.user = get_user_model()(is_staff=True)
    article.make_preview_request(request, article.default_preview_mode)
    assert views(article) == 0


def test_a_missing_article_counts_nothing(client, article):
    assert get(client, "/tr/news/yok/").status_code == 404
    assert views(article) == 0


def test_other_pages_served_from_the_cache_count_nothing(client, article, bornova):
    get(client, "/tr/news/")
    get(client, "/tr/news/")
    assert views(article) == 0
