from django.db.models import QuerySet
from wagtail.models import Page

from .models import NewsArticlePage


def news_article_list_latest(*, index: Page | None, limit: int) -> QuerySet[NewsArticlePage]:
    """The newest live articles under ``index``, images fetched in the same query."""
    if index is None:
        return NewsArticlePage.objects.none()
    return (
        NewsArticlePage.objects.live()
        .child_of(index)
        .select_related("image")
        .order_by("-date")[:limit]
    )
