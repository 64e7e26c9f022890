"""Reads about news: listings with their filters, an article's details, feeds, view counts.

Every listing is scoped to a news index or to a site and language: another municipality's
articles, directorates and tags never appear."""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Prefetch, QuerySet
from django.utils.translation import get_language
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.images.models import AbstractRendition
from wagtail.models import Page, Site

from municipium.core import formatting, routing
from municipium.core.http import whole_number
from municipium.core.months import Month, month_parse
from municipium.core.page_cache import site_data
from municipium.core.pages import HOME_PAGE_DEPTH
from municipium.directory.selectors import directorate_page_list
from municipium.tenancy.selectors import home_page_list_for_site
from municipium.tenancy.wording import unit_words

from .forms import NewsFilterForm
from .models import NewsArticlePage, NewsIndexPage, NewsKind, NewsViewCount, NewsViewEvent

if TYPE_CHECKING:
    from municipium.directory.models import DirectoratePage

CARD_RENDITION = "fill-480x270"
ARTICLE_RENDITION = "width-1200"
SHARE_RENDITION = "fill-1200x630"  # the size Open Graph readers expect
FEED_ITEMS = 30


def _with_card_images(articles: QuerySet[NewsArticlePage]) -> QuerySet[NewsArticlePage]:
    """Images in the same query, their card renditions in one more, whatever their number."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=CARD_RENDITION)
    return articles.select_related("image").prefetch_related(
        Prefetch("image__renditions", queryset=renditions, to_attr="prefetched_renditions")
    )


def news_article_list_latest(*, index: Page | None, limit: int) -> QuerySet[NewsArticlePage]:
    """The newest live articles under ``index``, with their images and card renditions."""
    if index is None:
        return NewsArticlePage.objects.none()
    return _with_card_images(NewsArticlePage.objects.live().child_of(index)).order_by("-date")[
        :limit
    ]


def news_card_list_latest(*, index: Page | None, limit: int) -> list[NewsArticlePage]:
    """The newest live articles under ``index`` as a list that can be kept in the cache: each
    image's card rendition made now if it was missing, so that a kept copy never makes it
    again (the prefetched renditions are all Wagtail looks at)."""
    articles = list(news_article_list_latest(index=index, limit=limit))
    for article in articles:
        if article.image is not None:
            article.image.get_rendition(CARD_RENDITION)  # kept in its prefetched renditions
    return articles


def _home_of(page: Page) -> Page | None:
    """The home page (a site's root in one language) above ``page``."""
    if page.depth <= HOME_PAGE_DEPTH:
        return page if page.depth == HOME_PAGE_DEPTH else None
    return Page.objects.ancestor_of(page).filter(depth=HOME_PAGE_DEPTH).first()


def directorate_list_for_article_page(*, parent: Page) -> QuerySet[DirectoratePage]:
    """The directorates an article under ``parent`` may name: those of the same site and
    language (under the same home page)."""
    home = _home_of(parent)
    if home is None:
        return directorate_page_list().none()
    return directorate_page_list(under=home).order_by("title")


# The listing -------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewsFilterChoices:
    """What the listing's filters offer: only values that find something under the index."""

    directorates: list[tuple[str, str]]
    directorate_ids_by_slug: dict[str, int]
    tags: list[tuple[str, str]]
    months: list[Month]
    language: str
    kinds: list[tuple[str, str]] = field(default_factory=lambda: list(NewsKind.choices))

    @property
    def directorate_slugs_by_id(self) -> dict[int, str]:
        return {pk: slug for slug, pk in self.directorate_ids_by_slug.items()}

    def as_form_choices(self) -> dict[str, list[tuple[str, str]]]:
        return {
            "kind": self.kinds,
            "directorate": self.directorates,
            "tag": self.tags,
            "month": [(month.value, month.label(self.language)) for month in self.months],
        }


def _articles_under(index: Page) -> QuerySet[NewsArticlePage]:
    return NewsArticlePage.objects.live().child_of(index)


def news_filter_choices(
    *, index: NewsIndexPage, calendar: str, time_zone: str, language: str
) -> NewsFilterChoices:
    """Three queries, whatever the number of articles: directorates, tags, days."""
    article_ids = _articles_under(index).values("pk")
    directorates = list(
        directorate_page_list()
        .live()
        .filter(news_articles__in=article_ids)
        .distinct()
        .order_by("title")
        .values_list("pk", "slug", "title")
    )
    tags = list(
        Tag.objects.filter(news_newsarticletag_items__content_object__in=article_ids)
        .distinct()
        .order_by("name")
        .values_list("slug", "name")
    )
    days = _articles_under(index).datetimes("date", "day", tzinfo=zoneinfo.ZoneInfo(time_zone))
    months = sorted({Month.containing(day.date(), calendar) for day in days}, reverse=True)
    return NewsFilterChoices(
        directorates=[(slug, title) for _pk, slug, title in directorates],
        directorate_ids_by_slug={slug: pk for pk, slug, _title in directorates},
        tags=tags,
        months=months,
        language=language,
    )


def news_article_list_for_index(
    *,
    index: NewsIndexPage,
    kind: str = "",
    directorate_id: int | None = None,
    tag_slug: str = "",
    month: Month | None = None,
    time_zone: str = "UTC",
) -> QuerySet[NewsArticlePage]:
    """The live articles under ``index``, newest first, filtered; with their images and the
    images' card renditions fetched in two more queries, whatever their number."""
    articles = _articles_under(index)
    if kind:
        articles = articles.filter(kind=kind)
    if directorate_id is not None:
        articles = articles.filter(directorates=directorate_id)
    if tag_slug:
        articles = articles.filter(tags__slug=tag_slug)
    if month is not None:
        start, end = month.bounds(time_zone)
        articles = articles.filter(date__gte=start, date__lt=end)
    return _with_card_images(articles).order_by("-date", "-pk")


@dataclass(frozen=True)
class NewsListing:
    form: NewsFilterForm
    page: PaginatorPage
    past_the_end: bool  # a page number past the last page was asked for: the last is shown


def news_listing_get(*, index: NewsIndexPage, request, per_page: int) -> NewsListing:
    """The page of the listing that the query string asks for: filters, then ``?page=``. A
    page past the end shows the last page, a page that is not a number the first. The
    filters' choices are kept with the site's data (only a publish changes them): two queries
    for the page of articles and their count, one for their card renditions."""
    tenant = getattr(request, "tenant", None)
    params, language = request.GET, get_language()
    calendar = tenant.calendar if tenant else formatting.GREGORIAN
    time_zone = tenant.time_zone_name if tenant else "UTC"
    choices = site_data(
        request,
        f"news-filters:{index.pk}",
        lambda: news_filter_choices(
            index=index, calendar=calendar, time_zone=time_zone, language=language
        ),
    )
    words = unit_words(kind=tenant.municipality.institution_kind) if tenant else None
    form = NewsFilterForm(params, choices=choices, unit_words=words)
    articles = news_article_list_for_index(
        index=index,
        kind=form.value("kind"),
        directorate_id=choices.directorate_ids_by_slug.get(form.value("directorate")),
        tag_slug=form.value("tag"),
        month=month_parse(form.value("month"), calendar),
        time_zone=time_zone,
    )
    paginator = Paginator(articles, per_page)
    number = whole_number(params.get("page"), default=1, minimum=1)
    page = paginator.get_page(number)
    past_the_end = paginator.count > 0 and number > page.number
    return NewsListing(form=form, page=page, past_the_end=past_the_end)


# An article --------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewsArticleDetails:
    index_url: str
    tags: list[Tag]
    directorates: list[DirectoratePage]
    image: AbstractRendition | None = None
    share_image: AbstractRendition | None = None
    image_alt: str = ""
    more: list[NewsArticlePage] = field(default_factory=list)


MORE_ARTICLES = 4


def news_article_details_get(*, article: NewsArticlePage, request) -> NewsArticleDetails:
    """What the article page shows besides its own fields: five queries at most, whatever
    the number of topics, directorates and articles; kept with the site's data, since only
    a publish changes any of it (a preview, which has no pk yet or shows a draft, is not)."""
    if not article.pk or getattr(request, "is_preview", False):
        return _article_details(article, request)
    return site_data(request, f"article:{article.pk}", lambda: _article_details(article, request))


def _article_details(article: NewsArticlePage, request) -> NewsArticleDetails:
    parent = routing.page_parent(page=article) if article.pk else None
    index_url = (parent.get_url(request) or "") if parent is not None else ""
    image = share_image = None
    if article.image is not None and article.image.is_svg():
        # Link previews take no SVG: the article is shared with the municipality's picture.
        image = article.image.get_rendition(ARTICLE_RENDITION)
    elif article.image is not None:
        renditions = article.image.get_renditions(ARTICLE_RENDITION, SHARE_RENDITION)
        image, share_image = renditions[ARTICLE_RENDITION], renditions[SHARE_RENDITION]
    return NewsArticleDetails(
        index_url=index_url,
        tags=sorted(article.tags.all(), key=lambda tag: tag.name),
        directorates=[d for d in article.directorates.all() if d.live],
        image=image,
        share_image=share_image,
        image_alt=article.alt_text,
        more=_more_articles(article, parent),
    )


def _more_articles(article: NewsArticlePage, parent: Page | None) -> list[NewsArticlePage]:
    """The newest other articles of the same news page, for the article's sidebar."""
    if parent is None:
        return []
    return list(
        NewsArticlePage.objects.live()
        .child_of(parent)
        .exclude(pk=article.pk)
        .only("title", "date", "url_path", "depth", "path", "locale_id")
        .order_by("-date")[:MORE_ARTICLES]
    )


def news_view_count_get(*, page_id: int | None) -> int:
    """The article's views: those folded so far plus the events not yet folded. One query,
    written as SQL: built with the ORM (two subqueries), compiling it cost more than running
    it, about a sixth of an uncached article's time (profiled in the note of issue 7)."""
    if page_id is None:
        return 0
    with connection.cursor() as cursor:
        cursor.execute(_VIEW_COUNT_SQL, [page_id, page_id])
        row = cursor.fetchone()
    return int(row[0]) if row else 0


_VIEW_COUNT_SQL = (
    f"SELECT COALESCE((SELECT total FROM {NewsViewCount._meta.db_table} WHERE page_id = %s), 0)"
    f" + (SELECT COUNT(*) FROM {NewsViewEvent._meta.db_table} WHERE page_id = %s)"
)


# Feeds -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewsFeedSource:
    """What a feed covers: a site's news in one language, or only a directorate's."""

    home: Page
    index: NewsIndexPage | None
    directorate: DirectoratePage | None = None


def news_feed_source_get(
    *, site: Site, language: str, directorate_slug: str | None = None
) -> NewsFeedSource | None:
    """The site's home page in ``language``, its news index and, if asked, the directorate
    ``directorate_slug`` of that site and language. None if there is no such thing."""
    home = home_page_list_for_site(site=site, languages=[language]).live().first()
    if home is None:
        return None
    index = NewsIndexPage.objects.live().descendant_of(home).order_by("path").first()
    directorate = None
    if directorate_slug is not None:
        directorate = directorate_page_list(under=home).live().filter(slug=directorate_slug).first()
        if directorate is None:
            return None
    return NewsFeedSource(home=home, index=index, directorate=directorate)


def news_article_list_for_feed(*, source: NewsFeedSource) -> QuerySet[NewsArticlePage]:
    """The newest live articles of the source's site and language, with their tags."""
    articles = NewsArticlePage.objects.live().descendant_of(source.home)
    if source.directorate is not None:
        articles = articles.filter(directorates=source.directorate)
    return articles.prefetch_related("tags").order_by("-date", "-pk")[:FEED_ITEMS]
