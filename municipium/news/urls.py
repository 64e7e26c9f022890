"""Feeds of news, per site and language (the /<lang>/ prefix comes from i18n_patterns), and
per directorate: /<lang>/news/feed/rss/ and /<lang>/news/feed/rss/<directorate-slug>/."""

from django.urls import path

from .feeds import NewsAtomFeed, NewsRssFeed

app_name = "news"
urlpatterns = [
    path("news/feed/rss/", NewsRssFeed(), name="feed-rss"),
    path("news/feed/atom/", NewsAtomFeed(), name="feed-atom"),
    path("news/feed/rss/<str:directorate>/", NewsRssFeed(), name="directorate-feed-rss"),
    path("news/feed/atom/<str:directorate>/", NewsAtomFeed(), name="directorate-feed-atom"),
]
