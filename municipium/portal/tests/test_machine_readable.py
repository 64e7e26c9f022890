import re
import xml.etree.ElementTree as ET

import pytest

from municipium.core.pages import page_ensure
from municipium.portal.models import StandardPage

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def bornova(municipality_factory):
    municipality = municipality_factory(slug="bornova")
    about = page_ensure(
        parent=municipality.homes["tr"], page_class=StandardPage, slug="hakkimizda",
        language="tr", title="Hakkımızda",
    )  # fmt: skip
    page_ensure(
        parent=municipality.homes["en"], page_class=StandardPage, slug="about",
        language="en", translation_of=about, title="About",
    )  # fmt: skip
    municipality.about = about
    return municipality


def test_sitemap_is_valid_xml_with_every_language_and_hreflang_alternates(client, bornova):
    response = client.get("/sitemap.xml", HTTP_HOST="bornova.localhost")
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    locations = {url.findtext("s:loc", namespaces=NS): url for url in root.findall("s:url", NS)}
    assert set(locations) == {
        "http://bornova.localhost/tr/", "http://bornova.localhost/en/",
        "http://bornova.localhost/tr/hakkimizda/", "http://bornova.localhost/en/about/",
    }  # fmt: skip
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in locations["http://bornova.localhost/tr/hakkimizda/"].findall("x:link", NS)
    }
    assert alternates == {
        "tr": "http://bornova.localhost/tr/hakkimizda/",
        "en": "http://bornova.localhost/en/about/",
    }


def test_sitemap_never_lists_another_sites_pages(client, bornova, municipality_factory):
    municipality_factory(slug="sisli")
    response = client.get("/sitemap.xml", HTTP_HOST="bornova.localhost")
    assert b"sisli" not in response.content


def test_sitemap_query_count_does_not_grow_with_pages(
    client, bornova, django_assert_max_num_queries
):
    for number in range(30):
        page_ensure(
            parent=bornova.homes["tr"], page_class=StandardPage, slug=f"sayfa-{number}",
            language="tr", title=f"Sayfa {number}",
        )  # fmt: skip
    client.get("/tr/", HTTP_HOST="bornova.localhost")  # warm the tenant
    with django_assert_max_num_queries(3):
        client.get("/sitemap.xml", HTTP_HOST="bornova.localhost", HTTP_CACHE_CONTROL="no-cache")


def test_robots_txt_points_to_the_sitemap_and_keeps_robots_out_of_the_admin(client, bornova):
    text = client.get("/robots.txt", HTTP_HOST="bornova.localhost").content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://bornova.localhost/sitemap.xml" in text


def _json_ld(html):
    import json
    import re

    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def test_home_page_describes_the_municipality_as_a_government_organization(client, bornova):
    html = client.get("/tr/", HTTP_HOST="bornova.localhost").content.decode()
    (data,) = _json_ld(html)
    assert data["@type"] == "GovernmentOrganization"
    assert data["url"] == "http://bornova.localhost/tr/"
    assert data["email"] == "info@example.org"
    assert '<meta property="og:url" content="http://bornova.localhost/tr/">' in html


def test_a_logo_on_object_storage_keeps_its_own_address(client, bornova):
    import dataclasses
    from unittest import mock

    from municipium.tenancy import selectors

    remote = "https://media.example.net/images/arma.png"
    build = selectors._build_tenant
    with mock.patch.object(
        selectors, "_build_tenant", lambda m: dataclasses.replace(build(m), logo_url=remote)
    ):
        html = client.get("/tr/", HTTP_HOST="bornova.localhost").content.decode()
    (data,) = _json_ld(html)
    assert data["logo"] == remote


def test_other_pages_carry_a_breadcrumb_list(client, bornova):
    html = client.get("/en/about/", HTTP_HOST="bornova.localhost").content.decode()
    (data,) = _json_ld(html)
    assert data["@type"] == "BreadcrumbList"
    assert [item["item"] for item in data["itemListElement"]] == [
        "http://bornova.localhost/en/",
        "http://bornova.localhost/en/about/",
    ]


def test_structured_data_cannot_be_broken_out_of(client, bornova):
    bornova.about.title = "</script><script>alert(1)</script>"
    bornova.about.save_revision().publish()
    html = client.get("/tr/hakkimizda/", HTTP_HOST="bornova.localhost").content.decode()
    assert "<script>alert(1)" not in html
    assert _json_ld(html)[0]["itemListElement"][-1]["name"].startswith("</script>")


def test_every_page_has_open_graph_tags_with_the_municipalitys_picture(
    client, bornova, settings, tmp_path
):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    settings.MEDIA_ROOT = tmp_path
    bornova.logo = get_image_model().objects.create(title="Arma", file=get_test_image_file())
    bornova.save()
    html = client.get("/en/about/", HTTP_HOST="bornova.localhost").content.decode()
    meta = dict(re.findall(r'<meta property="(og:[a-z_:]+)" content="([^"]*)">', html))
    assert meta["og:title"] == "About"
    assert meta["og:url"] == "http://bornova.localhost/en/about/"
    assert meta["og:locale"] == "en_GB"
    assert meta["og:image"].startswith("http://bornova.localhost/share.png?g=")
    assert meta["og:image:type"] == "image/png"
    turkish = client.get("/tr/hakkimizda/", HTTP_HOST="bornova.localhost").content.decode()
    assert '<meta property="og:locale" content="tr_TR">' in turkish
