"""News in the browser: an article with its drawing, caption, topics and view count, and the
listing's filters, left to right and right to left, with and without JavaScript."""

import re

import pytest

from .conftest import VIEWPORTS

pytestmark = pytest.mark.browser

widths = pytest.mark.parametrize("width", VIEWPORTS, ids=lambda width: f"{width}px")

ARTICLES = [
    ("bumehen", "/fa/اخبار/tafahomnameh-amoozesh-parvaresh/", "rtl"),
    ("bornova", "/en/news/park-yenileme-basin-bulteni/", "ltr"),
]


@widths
@pytest.mark.parametrize(("site", "path", "direction"), ARTICLES, ids=["fa", "en"])
def test_article_with_image_caption_topics_and_views_is_accessible(
    server, tabs, site, path, direction, width
):
    tab = tabs[width]
    tab.open(server.url(site, path))
    page = tab.page
    assert page.locator("html").get_attribute("dir") == direction
    figure = page.locator("main figure.figure")
    assert figure.locator("img").get_attribute("alt")
    assert figure.locator("figcaption").inner_text().strip()
    assert figure.locator("img").evaluate("img => img.complete && img.naturalWidth > 0")
    assert page.locator(".article-facts .tag").count() >= 1
    assert page.locator('head meta[property="og:image"]').count() == 1
    tab.check(f"{site}-{path.split('/')[1]}-news-article-facts")


def test_the_memorandum_shows_the_views_of_page_003_and_a_headless_browser_adds_none(server, tabs):
    tab = tabs[1280]
    for _ in range(2):  # rendered, then from the page cache
        tab.open(server.url("bumehen", "/fa/اخبار/tafahomnameh-amoozesh-parvaresh/"))
    assert "۴۵۱" in tab.page.locator(".article-facts__views").inner_text()


@widths
@pytest.mark.parametrize(
    ("site", "path"), [("bumehen", "/fa/اخبار/"), ("bornova", "/tr/haberler/")], ids=["fa", "tr"]
)
def test_filtered_listing_is_accessible(server, tabs, site, path, width):
    tab = tabs[width]
    tab.open(server.url(site, path))
    if tab.width < 960:  # folded on a phone: the reader opens the filters first
        tab.page.locator(".news-filters__summary").click()
    month = tab.page.locator("#id_month option").nth(1).get_attribute("value")
    tab.page.select_option("#id_month", month)
    tab.page.locator(".news-filters__button").click()
    tab.page.wait_for_url(re.compile(rf"month={month}"))
    assert tab.page.locator(".card-grid .card").count() >= 1
    assert tab.page.locator(".news-filters__clear").count() == 1
    tab.check(f"{site}-{path.split('/')[1]}-news-index-filtered")


def test_filters_work_without_javascript(server, no_script_page):
    no_script_page.goto(server.url("bornova", "/en/news/"))
    no_script_page.locator(".news-filters__summary").click()  # a <details> opens without script
    no_script_page.select_option("#id_kind", "press_release")
    no_script_page.locator(".news-filters__button").click()
    no_script_page.wait_for_url(re.compile(r"kind=press_release"))
    titles = no_script_page.locator(".card__title").all_inner_texts()
    assert titles == ["Four neighbourhood parks to be renewed"]


def test_the_listing_offers_its_feeds(server, tabs):
    tab = tabs[1280]
    tab.open(server.url("bumehen", "/fa/اخبار/"))
    href = tab.page.locator('head link[type="application/atom+xml"]').get_attribute("href")
    response = tab.page.goto(server.url("bumehen", href))
    assert response.status == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    assert "tafahomnameh-amoozesh-parvaresh" in response.text()
