"""View counts under concurrent readers: real threads, each with its own connection to
PostgreSQL, some served from the page cache and some rendered, with a bot among them and the
fold running meanwhile. SQLite serialises writers, so it is skipped there."""

import threading

import pytest
from django.db import connection
from django.test import Client

from municipium.core.testing import run_together
from municipium.news.models import NewsViewCount, NewsViewEvent
from municipium.news.selectors import news_view_count_get
from municipium.news.services import news_view_counts_fold, news_view_record

from .factories import BROWSER, article_create, sections_create

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs concurrent writers: PostgreSQL"
    ),
]

READERS, REQUESTS = 8, 12
BOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


def test_view_count_is_exact_after_concurrent_readers_and_ignores_a_bot(municipality_factory):
    bornova = sections_create(municipality_factory(slug="bornova"))
    article = article_create(bornova.news["tr"], "haber")
    path, host = "/tr/news/haber/", "bornova.localhost"
    statuses, folding = [], threading.Event()

    def reader(number):
        def read():
            client = Client()
            for request in range(REQUESTS):
                # Every third request is a hard reload (rendered); the others may be cache hits.
                fresh = {"HTTP_CACHE_CONTROL": "no-cache"} if request % 3 == number % 3 else {}
                response = client.get(path, HTTP_HOST=host, HTTP_USER_AGENT=BROWSER, **fresh)
                statuses.append((response.status_code, response["X-Page-Cache"]))

        return read

    def bot():
        client = Client()
        for _ in range(REQUESTS):
            client.get(path, HTTP_HOST=host, HTTP_USER_AGENT=BOT)

    def folder():
        while not folding.is_set():
            news_view_counts_fold(batch=7)

    readers = [reader(number) for number in range(READERS)]

    def readers_then_stop():
        try:
            assert not run_together(readers)
        finally:
            folding.set()  # also when a reader failed: the folder would loop forever

    assert not run_together([readers_then_stop, bot, folder])
    assert {status for status, _cache in statuses} == {200}
    # Both paths counted: rendered (a miss, or fresh on a hard reload) and served from the cache.
    assert {"hit", "fresh"} <= {cache for _status, cache in statuses} <= {"hit", "miss", "fresh"}
    assert news_view_count_get(page_id=article.pk) == READERS * REQUESTS
    news_view_counts_fold()
    assert NewsViewEvent.objects.count() == 0
    assert NewsViewCount.objects.get(page=article).total == READERS * REQUESTS


def test_concurrent_folds_count_each_view_once(municipality_factory):
    bornova = sections_create(municipality_factory(slug="bornova"))
    article = article_create(bornova.news["tr"], "haber")
    for _ in range(500):
        news_view_record(page_id=article.pk)
    folded = []
    assert not run_together(
        [lambda: folded.append(news_view_counts_fold(batch=50)) for _ in range(4)]
    )
    assert sum(folded) == 500
    assert NewsViewCount.objects.get(page=article).total == 500
