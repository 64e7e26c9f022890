"""No 500 on odd input: every query parameter that a public view reads, found by recording
what each view reads from ``request.GET`` on an ordinary request (so a parameter added
tomorrow is probed the day it is added), is sent odd values: Unicode digits that
``str.isdigit()`` accepts and ``int()`` refuses, signs, exponents, huge numbers, a NUL, very
long text. Every answer must be a page or a refusal, never a server error."""

import datetime

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.http import QueryDict
from wagtail.documents import get_document_model
from wagtail.models import Page

from municipium.archive.tests.factories import (
    archive_create,
    consent_create,
    exhibition_create,
    item_create,
)
from municipium.core.pages import page_ensure
from municipium.culture.pages import PartnersPage
from municipium.desk.pages import RequestDeskPage
from municipium.directory.models import DirectoratePage, DirectoryIndexPage
from municipium.events.pages import ProgrammePage
from municipium.halls.pages import HallsPage
from municipium.news.models import NewsArticlePage, NewsIndexPage
from municipium.portal.models import (
    AccessibilityDeclarationPage,
    MissionPage,
    MunicipalityRootPage,
    PlanPage,
    StandardPage,
)

pytestmark = pytest.mark.django_db

ODD_VALUES = [
    "²",
    "①",
    "-1",
    "0",
    "99999999999999999999",
    "1e3",
    "",
    "\x00",  # %00 in the query string
    "x" * 5000,
    "9" * 5000,
    "' OR 1=1 --",
]
HOST = "bornova.localhost"
DECLARATION = {
    "entity_name": "Bornova",
    "published_on": datetime.date(2024, 1, 1),
    "updated_on": datetime.date(2025, 1, 1),
    "status": "partial",
    "prepared_on": datetime.date(2025, 3, 1),
    "assessment_method": "self",
    "contact_name": "Bilgi",
    "contact_email": "bilgi@example.org",
    "contact_phone": "153",
}


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def public_paths(municipality_factory):
    """A site with a page of every type of the project, and its other public addresses."""
    bornova = municipality_factory(slug="bornova")
    home = bornova.homes["tr"]

    def page(parent, page_class, slug, **fields):
        return page_ensure(
            parent=parent, page_class=page_class, slug=slug, language="tr", title=slug, **fields
        )

    directory = page(home, DirectoryIndexPage, "birimler")
    directorate = page(directory, DirectoratePage, "kultur")
    news = page(home, NewsIndexPage, "haberler")
    article = page(
        news, NewsArticlePage, "haber", lead="Haber.",
        date=datetime.datetime(2026, 1, 15, tzinfo=datetime.UTC),
    )  # fmt: skip
    pages = [
        home,
        directory,
        directorate,
        news,
        article,
        page(home, StandardPage, "hakkimizda"),
        page(home, MissionPage, "misyon", statement="Misyon.", areas=[]),
        page(home, PlanPage, "plan"),
        page(home, AccessibilityDeclarationPage, "erisilebilirlik", **DECLARATION),
        page(home, RequestDeskPage, "talep"),
        page(home, ProgrammePage, "etkinlikler"),
        page(home, HallsPage, "salonlar"),
        page(home, PartnersPage, "paydaslar"),
    ]
    archive = archive_create(bornova)
    exhibition = exhibition_create(archive, "hafiza")
    item = item_create(exhibition, "ses-kaydi", consent=consent_create(bornova))
    pages += [archive, exhibition, item]
    document = get_document_model().objects.create(
        title="Rapor",
        file=ContentFile(b"%PDF-1.4", name="rapor.pdf"),
        collection=bornova.collection,  # served on its own municipality's hosts only
    )
    paths = [page.url for page in pages]
    paths += [
        "/tr/search/?q=rapor",
        "/tr/news/feed/rss/",
        "/tr/news/feed/atom/",
        "/sitemap.xml",
        "/robots.txt",
        "/theme.css",
        "/healthz",
        document.url,
        "/tr/talep/?category=yok",
        "/tr/talep/track/?reference=26-00001&token=x",
        "/tr/etkinlikler/calendar/",
        "/tr/etkinlikler/feed.ics",
        "/tr/arsiv/?subject=yok&decade=abc",
    ]
    return {"pages": pages, "paths": paths}


def test_a_page_of_every_public_page_type_is_probed(public_paths):
    probed = {type(page.specific) for page in public_paths["pages"]}
    page_types = {
        model
        for model in apps.get_models()
        if issubclass(model, Page)
        and model.__module__.startswith("municipium.")
        and model is not MunicipalityRootPage  # never served: a branch of the tree
    }
    assert page_types <= probed, page_types - probed


def _parameters_read(client, path) -> set[str]:
    """The names a view looks up in the query string (``get``, ``[]``, ``getlist``, ``in``)."""
    read = set()
    originals = {
        name: getattr(QueryDict, name) for name in ("get", "__getitem__", "getlist", "__contains__")
    }

    def recording(name):
        def method(self, key, *args, **kwargs):
            read.add(key)
            return originals[name](self, key, *args, **kwargs)

        return method

    try:
        for name in originals:
            setattr(QueryDict, name, recording(name))
        response = client.get(path, HTTP_HOST=HOST)
    finally:
        for name, original in originals.items():
            setattr(QueryDict, name, original)
    assert response.status_code < 400, (path, response.status_code)
    return {key for key in read if isinstance(key, str)}


def test_odd_values_of_every_query_parameter_never_give_a_server_error(client, public_paths):
    client.raise_request_exception = False
    probed = {}
    for path in public_paths["paths"]:
        base, _, query = path.partition("?")
        probed[base] = parameters = _parameters_read(client, path)
        # A view that reads none is still sent the listings' odd numbers, once.
        for name in sorted(parameters) or ["page"]:
            for value in ODD_VALUES if parameters else ["²"]:
                data = QueryDict(query, mutable=True)
                data[name] = value
                response = client.get(base, data, HTTP_HOST=HOST)
                assert response.status_code < 500, (base, name, value, response.status_code)
    # The parameters the listings are known to read were found by recording them.
    news, directory = public_paths["pages"][3].url, public_paths["pages"][1].url
    assert {"page", "directorate", "kind", "tag", "month"} <= probed[news]
    assert {"page", "directorate", "q"} <= probed[directory]
    assert {"page", "q"} <= probed["/tr/search/"]


@pytest.mark.parametrize("value", ["²", "①"])
def test_the_listings_read_unicode_digits_as_no_number(client, public_paths, value):
    client.raise_request_exception = True
    for page in public_paths["pages"][1], public_paths["pages"][3]:
        for name in ("page", "directorate"):
            response = client.get(page.url, {name: value}, HTTP_HOST=HOST)
            assert response.status_code == 200
