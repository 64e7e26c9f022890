"""The data migration news 0006 moves an existing Turkish news page from ``/tr/news/`` to
``/tr/haberler/`` (``tenancy.page_migrations.page_slugs_localise``, run here on the historical
models of that migration): its articles follow, the old addresses redirect permanently, the
English page keeps its address and the latest revision carries the new slug, so that the next
publish does not move the page back."""

import importlib
from urllib.parse import unquote

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from municipium.news.models import NewsIndexPage
from municipium.tenancy.page_migrations import page_slugs_localise

from .factories import article_create, get

pytestmark = pytest.mark.django_db

MIGRATION = ("news", "0006_news_index_in_site_language")


def migrate_slugs():
    historical = MigrationExecutor(connection).loader.project_state(MIGRATION).apps
    module = importlib.import_module(f"municipium.news.migrations.{MIGRATION[1]}")
    page_slugs_localise(
        historical, app_label="news", model_name="newsindexpage", former_slug="news",
        slugs=module.SLUGS,
    )  # fmt: skip


def test_the_migration_moves_a_turkish_news_page_to_haberler_and_redirects_the_old_addresses(
    client, bornova
):
    article_create(bornova.news["tr"], "park")
    article_create(bornova.news["en"], "park")
    bornova.news["tr"].save_revision()
    migrate_slugs()
    migrate_slugs()  # a second run changes nothing
    index = NewsIndexPage.objects.get(pk=bornova.news["tr"].pk)
    assert (index.slug, index.url_path.endswith("/haberler/")) == ("haberler", True)
    assert index.get_latest_revision().content["slug"] == "haberler"
    assert get(client, "/tr/haberler/park/").status_code == 200
    for old, new in (("/tr/news/", "/tr/haberler/"), ("/tr/news/park/", "/tr/haberler/park/")):
        response = get(client, old)
        assert (response.status_code, unquote(response["Location"])) == (301, new)
    assert get(client, "/en/news/park/").status_code == 200
    assert Redirect.objects.count() == 2
    assert (
        Page.objects.get(pk=index.pk).get_descendants().get().url_path.endswith("/haberler/park/")
    )
