import datetime
import json
import re

import pytest

from municipium.news.models import NewsArticlePage, NewsKind
from municipium.news.services import news_view_count_import

from .factories import (
    article_create,
    directorate_create,
    get,
    image_create,
    sections_create,
    uncached_queries,
)

pytestmark = pytest.mark.django_db

DEY_1401 = datetime.datetime(2023, 1, 7, 6, 0, tzinfo=datetime.UTC)  # 17 Dey 1401


def json_ld(html: str) -> dict:
    """The page's NewsArticle (the breadcrumbs have JSON-LD of their own)."""
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    articles = [data for data in map(json.loads, scripts) if data["@type"] == "NewsArticle"]
    assert len(articles) == 1, scripts
    return articles[0]


def meta(html: str, name: str) -> list[str]:
    return re.findall(rf'<meta property="{re.escape(name)}" content="([^"]*)">', html)


# The article ------------------------------------------------------------------------------


def test_article_shows_date_in_the_sites_calendar_kind_topics_directorates_and_views(
    client, bumehen
):
    unit = directorate_create(bumehen.directory["fa"], "farhangi", "معاونت فرهنگی")
    article = article_create(
        bumehen.news["fa"], "tafahomnameh", title="تفاهم‌نامه", date=DEY_1401,
        tags=["آموزش"], directorates=[unit],
    )  # fmt: skip
    news_view_count_import(page=article, total=450)
    html = get(client, "/fa/news/tafahomnameh/", host="bumehen.localhost").content.decode()
    assert "۱۷ دی ۱۴۰۱" in html
    assert '<span class="article__kind article__kind--news">' in html
    assert 'href="/fa/news/?tag=%D8%A2%D9%85%D9%88%D8%B2%D8%B4">آموزش</a>' in html
    assert 'href="/fa/units/farhangi/">معاونت فرهنگی</a>' in html
    assert "۴۵۱" in html  # 450 imported, and this reader


def test_press_release_shows_its_number(client, bornova):
    article_create(
        bornova.news["en"], "parks", kind=NewsKind.PRESS_RELEASE, press_release_number="2026/14"
    )
    html = get(client, "/en/news/parks/").content.decode()
    assert "Press release" in html and "No. 2026/14" in html


def test_article_image_has_its_caption_and_alt_text(client, bornova, media_root):
    image = image_create(description="A park")
    article_create(
        bornova.news["en"], "parks", image=image, image_alt="Children on new swings",
        image_caption="Photo: Parks Directorate",
    )  # fmt: skip
    html = get(client, "/en/news/parks/").content.decode()
    assert 'alt="Children on new swings"' in html
    assert '<figcaption class="figure__caption">Photo: Parks Directorate</figcaption>' in html


def test_article_has_news_article_json_ld_and_open_graph(client, bumehen, media_root):
    article_create(
        bumehen.news["en"], "memorandum", title="A memorandum", lead="Signed today.",
        date=DEY_1401, image=image_create(description="Two officials sign"), tags=["education"],
    )  # fmt: skip
    html = get(client, "/en/news/memorandum/", host="bumehen.localhost").content.decode()
    data = json_ld(html)
    assert data["@type"] == "NewsArticle" and data["headline"] == "A memorandum"
    assert data["datePublished"] == "2023-01-07T06:00:00+00:00"
    assert data["dateModified"]
    assert data["inLanguage"] == "en"
    assert data["publisher"] == {"@type": "GovernmentOrganization", "name": "Bumehen Municipality"}
    assert data["image"][0].startswith("http://bumehen.localhost/media/images/")
    assert meta(html, "og:type") == ["article"]
    assert meta(html, "og:title") == ["A memorandum"]
    assert meta(html, "og:description") == ["Signed today."]
    assert meta(html, "og:url") == ["http://bumehen.localhost/en/news/memorandum/"]
    assert meta(html, "og:image")[0] == data["image"][0]
    assert meta(html, "og:locale") == ["en_GB"]
    assert meta(html, "og:image:alt") == ["Two officials sign"]


def test_json_ld_cannot_be_broken_out_of_by_a_title(client, bornova):
    title = 'Tom & Jerry </script><script>alert("x")</script>'
    article_create(bornova.news["en"], "escape", title=title)
    html = get(client, "/en/news/escape/").content.decode()
    assert "<script>alert" not in html
    assert json_ld(html)["headline"] == title


def test_an_unknown_article_is_a_404(client, bornova):
    assert get(client, "/en/news/no-such-article/").status_code == 404


def test_article_query_count_does_not_grow_with_its_topics_directorates_or_neighbours(
    client, bornova, media_root
):
    units = [directorate_create(bornova.directory["tr"], f"unit-{n}") for n in range(6)]
    image = image_create(description="x")
    article_create(bornova.news["tr"], "az", image=image, tags=["a"], directorates=units[:1])
    article_create(bornova.news["tr"], "cok", image=image, tags=list("abcdef"), directorates=units)
    for n in range(3):
        article_create(bornova.news["tr"], f"daha-{n}")
    few = uncached_queries(client, "/tr/news/az/")
    assert uncached_queries(client, "/tr/news/cok/") == few
    for n in range(3, 30):  # more articles beside it: the sidebar still takes one query
        article_create(bornova.news["tr"], f"daha-{n}")
    assert uncached_queries(client, "/tr/news/az/") == few
    # Then: the article (its path, its translations and its details are kept with the site's
    # data), its view count and the view counted.
    assert few == (16, 3)


def test_an_article_shows_the_topics_and_directorates_it_was_published_with(client, bornova):
    unit = directorate_create(bornova.directory["tr"], "parklar", "Parklar Müdürlüğü")
    article = article_create(bornova.news["tr"], "park", tags=["park"])
    fresh = {"HTTP_CACHE_CONTROL": "no-cache"}
    html = get(client, "/tr/news/park/", **fresh).content.decode()
    assert "?tag=park" in html and "Parklar Müdürlüğü" not in html  # the details now kept
    revision_article = NewsArticlePage.objects.get(pk=article.pk)
    revision_article.tags.set(["yesil-alan"], clear=True)
    revision_article.directorates.set([unit])
    revision_article.save_revision().publish()
    html = get(client, "/tr/news/park/", **fresh).content.decode()
    assert "?tag=yesil-alan" in html and "?tag=park" not in html
    assert "Parklar Müdürlüğü" in html


def test_an_article_preview_shows_its_draft_topics_not_the_kept_ones(bornova, rf):
    from municipium.news.selectors import news_article_details_get
    from municipium.tenancy.selectors import tenant_get_for_hostname

    article = NewsArticlePage.objects.get(pk=article_create(bornova.news["tr"], "park").pk)
    request = rf.get("/tr/news/park/", HTTP_HOST="bornova.localhost")
    request.tenant = tenant_get_for_hostname("bornova.localhost")
    assert news_article_details_get(article=article, request=request).tags == []  # kept
    article.tags.add("taslak")
    request.is_preview = True
    tags = news_article_details_get(article=article, request=request).tags
    assert [tag.name for tag in tags] == ["taslak"]


def test_the_article_lists_the_newest_other_articles_beside_it(client, bornova):
    for n in range(6):
        article_create(
            bornova.news["tr"], f"haber-{n}", title=f"Haber {n}",
            date=datetime.datetime(2026, 5, 1 + n, 9, 0, tzinfo=datetime.UTC),
        )  # fmt: skip
    html = get(client, "/tr/news/haber-5/").content.decode()
    aside = html[html.index('<aside class="article-more"') :]
    titles = re.findall(r'class="article-more__link" href="[^"]+">([^<]+)</a>', aside)
    assert titles == ["Haber 4", "Haber 3", "Haber 2", "Haber 1"]
    assert 'href="/tr/news/"' in aside


# The listing ------------------------------------------------------------------------------


def many_articles(index, count, start=0, **fields):
    for number in range(start, start + count):
        article_create(
            index, f"haber-{number}", title=f"Haber {number}",
            date=datetime.datetime(2026, 1, 1, 9, tzinfo=datetime.UTC)
            + datetime.timedelta(days=number),
            **fields,
        )  # fmt: skip


def test_listing_is_paginated_newest_first(client, bornova):
    many_articles(bornova.news["tr"], 14)
    first = get(client, "/tr/news/").content.decode()
    assert "Haber 13" in first and "Haber 2" in first and "Haber 1<" not in first
    assert 'rel="next" href="?page=2"' in first
    second = get(client, "/tr/news/?page=2").content.decode()
    assert "Haber 1<" in second and "Haber 0<" in second and "Haber 13" not in second


@pytest.mark.parametrize("number", ["99", "3"])
def test_a_page_past_the_end_shows_the_last_page_and_says_so(client, bornova, number):
    many_articles(bornova.news["en"], 14)
    response = get(client, f"/en/news/?page={number}")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Haber 0<" in html and "Haber 13" not in html
    assert "this is the last page, page 2" in html


@pytest.mark.parametrize("number", ["abc", "-1", "0", ""])
def test_a_page_number_that_is_not_a_page_shows_the_first(client, bornova, number):
    many_articles(bornova.news["en"], 14)
    response = get(client, f"/en/news/?page={number}")
    assert response.status_code == 200
    assert "Haber 13" in response.content.decode()


def test_listing_filters_by_kind_tag_and_directorate_by_slug_or_id(client, bornova):
    unit = directorate_create(bornova.directory["en"], "parks")
    article_create(bornova.news["en"], "notice", kind=NewsKind.ANNOUNCEMENT, title="Notice A")
    article_create(bornova.news["en"], "tagged", tags=["music"], title="Tagged B")
    article_create(bornova.news["en"], "unit", directorates=[unit], title="Unit C")
    titles = {"Notice A", "Tagged B", "Unit C"}

    def shown(query):
        html = get(client, f"/en/news/?{query}").content.decode()
        return {title for title in titles if title in html}

    assert shown("kind=announcement") == {"Notice A"}
    assert shown("tag=music") == {"Tagged B"}
    assert shown("directorate=parks") == {"Unit C"}
    assert shown(f"directorate={unit.pk}") == {"Unit C"}
    assert shown("kind=nonsense&tag=unknown") == titles  # a value not offered is ignored


def test_month_filter_uses_the_sites_calendar(client, bumehen):
    index = bumehen.news["fa"]
    # Dey 1401 runs from 22 December 2022 to 20 January 2023, Tehran time (UTC+3:30).
    for slug, title, utc in (
        ("first-of-dey", "Dey first", (2022, 12, 21, 21)),  # 00:30 on 1 Dey
        ("bahman", "Bahman first", (2023, 1, 20, 21)),  # 00:30 on 1 Bahman
        ("azar", "Azar last", (2022, 12, 21, 20)),  # 23:30 on 30 Azar
    ):
        article_create(index, slug, title=title, date=datetime.datetime(*utc, tzinfo=datetime.UTC))
    article_create(index, "in-dey", title="Dey middle", date=DEY_1401)
    html = get(client, "/fa/news/?month=1401-10", host="bumehen.localhost").content.decode()
    assert "Dey first" in html and "Dey middle" in html
    assert "Bahman first" not in html and "Azar last" not in html
    assert '<option value="1401-10" selected>دی ۱۴۰۱</option>' in html
    assert '<option value="1401-11">بهمن ۱۴۰۱</option>' in html


def test_filters_offer_only_this_sites_directorates_and_tags(client, bornova, municipality_factory):
    sisli = municipality_factory(slug="sisli")
    sections_create(sisli)
    ours = directorate_create(bornova.directory["tr"], "parklar", "Parklar Müdürlüğü")
    theirs = directorate_create(sisli.directory["tr"], "kalem", "Özel Kalem")
    article_create(bornova.news["tr"], "bizim", tags=["bornova-etiketi"], directorates=[ours])
    article_create(sisli.news["tr"], "onlarin", tags=["sisli-etiketi"], directorates=[theirs])
    html = get(client, "/tr/news/").content.decode()
    assert "Parklar Müdürlüğü" in html and "bornova-etiketi" in html
    assert "Özel Kalem" not in html and "sisli-etiketi" not in html and "Onlarin" not in html
    assert "Bizim" in get(client, f"/tr/news/?directorate={theirs.pk}").content.decode()


def test_filter_form_works_without_javascript(client, bornova):
    article_create(bornova.news["en"], "one")
    html = get(client, "/en/news/").content.decode()
    form = re.search(r'<form class="news-filters__form" method="get"[^>]*>(.*?)</form>', html, re.S)
    assert form and '<button class="news-filters__button" type="submit">' in form[1]
    for name in ("kind", "directorate", "tag", "month"):
        assert f'<label class="news-filters__label" for="id_{name}">' in form[1]


def test_the_filters_fold_away_until_one_is_chosen_so_the_first_article_comes_first(
    client, bornova
):
    """On a phone the four filters took the whole first screen: they sit in a <details>,
    folded (no script needed to open it), open once a filter is on."""
    article_create(bornova.news["en"], "one", kind=NewsKind.ANNOUNCEMENT)
    folded = get(client, "/en/news/").content.decode()
    assert re.search(r'<details class="news-filters"[^>]*data-open-from="60rem">', folded)
    summary = folded.index('<summary class="news-filters__summary">Filter the news</summary>')
    assert summary < folded.index('<select name="kind"')
    opened = get(client, "/en/news/?kind=announcement").content.decode()
    assert re.search(r'<details class="news-filters"[^>]*data-open-from="60rem" open>', opened)


def test_pagination_keeps_the_filters(client, bornova):
    many_articles(bornova.news["en"], 14, kind=NewsKind.ANNOUNCEMENT)
    html = get(client, "/en/news/?kind=announcement").content.decode()
    assert 'href="?kind=announcement&amp;page=2"' in html


def test_listing_links_its_feeds(client, bornova):
    html = get(client, "/en/news/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/en/news/feed/rss/"' in html and 'href="/en/news/feed/atom/"' in html


def test_listing_query_count_does_not_grow_with_the_articles(client, bornova, media_root):
    image = image_create(description="x")
    unit = directorate_create(bornova.directory["tr"], "birim")
    extra = {"image": image, "tags": ["bir", "iki"], "directorates": [unit]}
    many_articles(bornova.news["tr"], 3, **extra)
    few = uncached_queries(client, "/tr/news/")
    few_filtered = uncached_queries(client, "/tr/news/?tag=bir&month=2026-01")
    many_articles(bornova.news["tr"], 30, start=3, **extra)
    many = uncached_queries(client, "/tr/news/")
    many_filtered = uncached_queries(client, "/tr/news/?tag=bir&month=2026-01")
    assert many == few and many_filtered == few_filtered
    # Then: the index, the count, the page of articles with their images, the images'
    # renditions (the index's path and translations are kept with the site's data).
    assert few == few_filtered == (16, 4)


def test_a_published_topic_is_offered_by_the_listings_filter_at_once(client, bornova):
    article_create(bornova.news["tr"], "park", tags=["park"])
    fresh = {"HTTP_CACHE_CONTROL": "no-cache"}
    assert '<option value="park">' in get(client, "/tr/news/", **fresh).content.decode()
    article = NewsArticlePage.objects.get(slug="park")
    article.tags.add("yesil-alan")
    article.save_revision().publish()
    assert '<option value="yesil-alan">' in get(client, "/tr/news/", **fresh).content.decode()


def test_the_public_record_says_an_article_was_first_published_on_its_own_date(
    client, municipality_factory
):
    """Not the moment the demo (or an import) loaded it: 7 January 2023, not today."""
    gok = sections_create(municipality_factory(slug="gok", country="PL", languages=["pl"]))
    article_create(
        gok.news["pl"], "stary", date=datetime.datetime(2023, 1, 7, 9, 30, tzinfo=datetime.UTC)
    )
    html = get(client, "/pl/news/stary/", host="gok.localhost").content.decode()
    first = html[html.index("<dt>Data pierwszej publikacji</dt>") :].split("</div>")[0]
    assert '<time datetime="2023-01-07' in first


def test_an_article_without_a_raster_picture_shares_the_municipalitys_png(
    client, bumehen, media_root
):
    from municipium.tenancy.tests.test_share_image import fetch_png, svg_image

    article_create(bumehen.news["en"], "svg", image=svg_image(), image_alt="An emblem")
    article_create(bumehen.news["en"], "none")
    for path in ("/en/news/svg/", "/en/news/none/"):
        html = get(client, path, host="bumehen.localhost", secure=True).content.decode()
        image = meta(html, "og:image")
        assert len(image) == 1 and image[0].startswith("https://bumehen.localhost/share.png?g=")
        assert meta(html, "og:image:type") == ["image/png"]
        assert fetch_png(client, image[0], "bumehen.localhost").size == (1200, 630)
        assert '<meta name="twitter:card" content="summary_large_image">' in html
