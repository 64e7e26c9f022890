"""Articles, directorates and images for the news tests, built through the project's
services; ``get`` asks for a page as a person's browser would."""

import datetime
import io

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from municipium.core.pages import page_ensure
from municipium.directory.models import DirectoratePage, DirectoryIndexPage
from municipium.news.models import NewsArticlePage, NewsIndexPage
from municipium.news.services import news_article_relations_set

BROWSER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)


def sections_create(municipality):
    """A news index and a directory under each of the municipality's home pages."""
    municipality.news, municipality.directory = {}, {}
    for language, home in municipality.homes.items():
        municipality.news[language] = page_ensure(
            parent=home, page_class=NewsIndexPage, slug="news", language=language,
            title=f"News {language}",
        )  # fmt: skip
        municipality.directory[language] = page_ensure(
            parent=home, page_class=DirectoryIndexPage, slug="units", language=language,
            title=f"Units {language}",
        )  # fmt: skip
    return municipality


def article_create(index, slug, *, tags=(), directorates=(), **fields):
    """A live article under ``index`` in the index's language."""
    fields.setdefault("title", slug.replace("-", " ").title())
    fields.setdefault("lead", f"The lead of {slug}.")
    fields.setdefault("date", datetime.datetime(2026, 1, 15, 9, 0, tzinfo=datetime.UTC))
    page = page_ensure(
        parent=index, page_class=NewsArticlePage, slug=slug,
        language=index.locale.language_code, **fields,
    )  # fmt: skip
    if tags or directorates:
        news_article_relations_set(article=page, tags=list(tags), directorates=list(directorates))
    return page


def directorate_create(index, slug, title=None):
    return page_ensure(
        parent=index, page_class=DirectoratePage, slug=slug,
        language=index.locale.language_code, title=title or slug.title(),
    )  # fmt: skip


def image_create(title="Photo", description="", size=(64, 36)):
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, (11, 79, 138)).save(buffer, format="PNG")
    return get_image_model().objects.create(
        title=title, description=description, file=ImageFile(buffer, name=f"{title}.png")
    )


def get(client, path, host="bornova.localhost", user_agent=BROWSER, **headers):
    if user_agent is not None:
        headers["HTTP_USER_AGENT"] = user_agent
    return client.get(path, HTTP_HOST=host, **headers)


def uncached_queries(client, path, host="bornova.localhost") -> tuple[int, int]:
    """The queries of an uncached request of ``path`` by a reader right after a publish (the
    tenant snapshot and the site's data read afresh), then of the next one (both kept under
    the new cache generation)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from municipium.tenancy.models import Municipality
    from municipium.tenancy.services import municipality_purge_cache

    get(client, path, host=host)  # renditions made, this process's content types read
    municipality_purge_cache(municipality=Municipality.objects.get(site__hostname=host))
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as captured:
            response = get(client, path, host=host, HTTP_CACHE_CONTROL="no-cache")
        assert response.status_code == 200
        counts.append(len(captured))
    return tuple(counts)
