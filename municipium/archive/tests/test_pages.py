"""The archive's public pages: Dublin Core and schema.org on an item, browsing by exhibition,
subject, place and period without JavaScript, and only this municipality's things."""

import json
import re

import pytest
from django.utils import translation
from django.utils.translation import gettext, pgettext

from municipium.archive.selectors import exhibition_links_for_partners
from municipium.archive.tests.factories import (
    archive_create,
    consent_create,
    exhibition_create,
    item_create,
)
from municipium.search.services import search_page_index

pytestmark = pytest.mark.django_db
HOST = "bornova.localhost"


def get(client, path, host=HOST, **params):
    return client.get(path, params, HTTP_HOST=host)


def _tr(message: str) -> str:
    """``message`` as the Turkish page writes it."""
    with translation.override("tr"):
        return gettext(message)


def _json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def test_an_item_page_has_its_dublin_core_in_meta_tags(client, archive):
    html = get(client, archive.public.url).content.decode()
    assert '<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">' in html
    for name, value in [
        ("DC.title", "Bağ bozumu anıları"), ("DC.creator", "Ayşe Yılmaz"),
        ("DC.subject", "bağcılık"), ("DC.type", "Sound"), ("DC.format", "audio/wav"),
        ("DC.identifier", "BOR-SO-001"), ("DC.language", "tr"), ("DC.date", "1955/1965"),
        ("DC.coverage", "Bornova, 1955/1965"), ("DC.rights", _tr("All rights reserved")),
    ]:  # fmt: skip
        assert f'<meta name="{name}" content="{value}">' in html, name


def test_an_item_page_describes_itself_as_an_archive_component_in_json_ld(client, archive):
    html = get(client, archive.public.url).content.decode()
    data = next(d for d in _json_ld(html) if "ArchiveComponent" in d.get("@type", []))
    assert data["name"] == "Bağ bozumu anıları"
    assert data["identifier"] == "BOR-SO-001"
    assert data["temporalCoverage"] == "1955/1965"
    assert data["spatialCoverage"]["name"] == "Bornova"
    assert "Eylülde bütün mahalle bağa giderdi." in data["transcript"]


def test_an_item_page_shows_its_transcript_and_a_player_for_its_recording(client, archive):
    html = get(client, archive.public.url).content.decode()
    assert "Eylülde bütün mahalle bağa giderdi." in html
    assert _tr("Transcript") in html  # in the page's language


def _items_shown(client, index, **params):
    html = get(client, index.url, **params).content.decode()
    html = html[html.index('id="archive-items"') :]
    return set(re.findall(r'class="card__link" href="[^"]*/([\w-]+)/"', html))


@pytest.fixture
def browsable(archive, bornova):
    consent = archive.online
    other = exhibition_create(
        archive.index, "liman", kind="temporary", title="Liman", starts_on="2020-01-01",
        ends_on="2020-03-01",
    )  # fmt: skip
    item_create(other, "vapur", consent=consent, place="İzmir", year_from=1932, subjects=["deniz"])
    item_create(archive.index, "kartpostal", consent=consent, place="Bornova", year_from=1908,
                kind="photograph", dc_type="StillImage", subjects=["bağcılık"])  # fmt: skip
    return archive


def test_the_archive_browses_items_by_exhibition(client, browsable):
    shown = _items_shown(client, browsable.index, exhibition="liman")
    assert shown == {"vapur"}


def test_the_archive_browses_items_by_subject(client, browsable):
    from taggit.models import Tag

    slug = Tag.objects.get(name="bağcılık").slug
    assert _items_shown(client, browsable.index, subject=slug) == {"bag-bozumu", "kartpostal"}


def test_the_archive_browses_items_by_place(client, browsable):
    assert _items_shown(client, browsable.index, place="İzmir") == {"vapur"}


def test_the_archive_browses_items_by_period_overlapping_the_decade(client, browsable):
    assert _items_shown(client, browsable.index, decade="1960") == {"bag-bozumu"}
    assert _items_shown(client, browsable.index, decade="1900") == {"kartpostal"}


def test_the_archive_names_its_periods_as_ranges_of_years(client, browsable):
    html = get(client, browsable.index.url).content.decode()
    with translation.override("tr"):
        for start in (1900, 1930, 1950, 1960):
            label = pgettext("range of years", "%(start)s–%(end)s") % {
                "start": start,
                "end": start + 9,
            }
            assert f'<option value="{start}">{label}</option>' in html


def test_an_unknown_filter_value_is_ignored(client, browsable):
    shown = _items_shown(client, browsable.index, place="Atlantis", decade="abc")
    assert shown == {"bag-bozumu", "vapur", "kartpostal"}


def test_the_archive_lists_exhibitions_as_current_permanent_and_past(client, browsable):
    html = get(client, browsable.index.url).content.decode()
    permanent = html.index('id="archive-permanent"')
    past = html.index('id="archive-past"')
    assert permanent < html.index("Bornova&#x27;nın Tarihi") < past < html.index(">Liman<")


def test_another_municipalitys_archive_is_not_on_this_site(client, archive, municipality_factory):
    other = municipality_factory(slug="karsiyaka", names={"tr": "Karşıyaka"})
    index = archive_create(other)
    exhibition = exhibition_create(index, "karsiyaka-sergisi", title="Karşıyaka sergisi")
    item = item_create(exhibition, "karsiyaka-ani", consent=consent_create(other))
    assert get(client, item.url).status_code == 404  # on Bornova's host
    assert get(client, exhibition.url).status_code == 404
    html = get(client, archive.index.url).content.decode()
    assert "Karşıyaka" not in html and "karsiyaka" not in html
    search_page_index(page=item)
    assert "Karsiyaka Ani" not in get(client, "/tr/search/", q="karsiyaka").content.decode()


def test_the_search_finds_an_item_by_its_dublin_core_and_transcript_as_archive(client, archive):
    search_page_index(page=archive.public)
    for words in ("BOR-SO-001", "bağcılık", "mahalle"):
        html = get(client, "/tr/search/", q=words).content.decode()
        assert "Bağ bozumu anıları" in html, words


def test_an_exhibition_links_its_partners_to_their_place_in_the_directory(client, archive, bornova):
    from municipium.culture.tests.test_partners import partners_page_create

    page = partners_page_create(bornova)
    html = get(client, archive.exhibition.url).content.decode()
    assert f'href="/tr/{page.slug}/#partner-{archive.partner.pk}"' in html


def test_a_partner_is_linked_to_the_exhibitions_of_its_site_and_language(archive, bornova):
    links = exhibition_links_for_partners(
        partner_ids=[archive.partner.pk], language="tr", site=bornova.site
    )
    assert [(link.title, link.url) for link in links[archive.partner.pk]] == [
        ("Bornova'nın Tarihi", "/tr/arsiv/bornova-tarihi/")
    ]
    assert (
        exhibition_links_for_partners(
            partner_ids=[archive.partner.pk], language="en", site=bornova.site
        )
        == {}
    )


def test_the_archive_and_an_exhibition_link_their_pages_on_the_requests_own_host(client, archive):
    for url in (archive.index.url, archive.exhibition.url):
        html = client.get(url, HTTP_HOST="bornova.localhost:8123").content.decode()
        assert 'href="/tr/arsiv/bornova-tarihi/bag-bozumu/"' in html, url
        assert "localhost:8000" not in html, url
