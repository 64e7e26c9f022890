"""RSS and Atom feeds of a site's news in one language, and of one directorate's news.

The feed instances are shared by every request: what a request needs (its absolute links)
travels in the object that ``get_object`` returns, never on ``self``."""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from municipium.core.page_cache import mark_cacheable

from .selectors import NewsFeedSource, news_article_list_for_feed, news_feed_source_get


@dataclass(frozen=True)
class FeedContext:
    source: NewsFeedSource
    municipality_name: str
    host: str
    request: object


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        if getattr(request, "tenant", None) is None:
            raise Http404("Feeds belong to a municipality's site.")
        mark_cacheable(request)
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, directorate=None):
        tenant = request.tenant
        source = news_feed_source_get(
            site=tenant.site, language=get_language(), directorate_slug=directorate
        )
        if source is None:
            raise Http404("No such news in this site and language.")
        return FeedContext(
            source=source,
            municipality_name=tenant.name(get_language()),
            host=request.get_host().split(":")[0],
            request=request,
        )

    def title(self, obj: FeedContext) -> str:
        if obj.source.directorate is not None:
            return _("%(municipality)s: news of %(directorate)s") % {
                "municipality": obj.municipality_name,
                "directorate": obj.source.directorate.title,
            }
        return _("%(municipality)s: news") % {"municipality": obj.municipality_name}

    def description(self, obj: FeedContext) -> str:
        return _("The latest news and announcements of %(municipality)s.") % {
            "municipality": obj.municipality_name
        }

    def link(self, obj: FeedContext) -> str:
        page = obj.source.directorate or obj.source.index or obj.source.home
        return page.get_url(obj.request) or "/"

    def author_name(self, obj: FeedContext) -> str:
        return obj.municipality_name

    def items(self, obj: FeedContext):
        articles = list(news_article_list_for_feed(source=obj.source))
        for article in articles:
            article.feed_link = article.get_url(obj.request)
            article.feed_guid = (
                f"tag:{obj.host},{article.first_published_at or article.date:%Y-%m-%d}:"
                f"news/{article.pk}"
            )
        return articles

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return item.lead

    def item_link(self, item) -> str:
        return item.feed_link

    def item_guid(self, item) -> str:
        return item.feed_guid

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.date

    def item_updateddate(self, item):
        return item.last_published_at or item.date

    def item_categories(self, item) -> list[str]:
        return sorted(tag.name for tag in item.tags.all())


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj: FeedContext) -> str:
        return self.description(obj)
