import datetime
import re
from unittest import mock

import pytest
from django.utils import timezone

from municipium.core.pages import page_ensure
from municipium.portal.models import StandardPage

pytestmark = pytest.mark.django_db


def get(client, municipality, path, **headers):
    return client.get(path, HTTP_HOST=f"{municipality.site.hostname}:8000", **headers)


def test_site_answers_on_its_host_with_its_language_direction_and_name(
    client, municipality_factory
):
    bornova = municipality_factory(slug="bornova", names={"tr": "Bornova Belediyesi"})
    response = get(client, bornova, "/tr/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="tr" dir="ltr"' in html
    assert "<title>Bornova Belediyesi</title>" in html
    assert response["Content-Language"] == "tr"


def test_persian_site_is_right_to_left(client, municipality_factory):
    bumehen = municipality_factory(
        slug="bumehen", country="IR", languages=["fa", "en"], calendar="solar_hijri",
        time_zone="Asia/Tehran", names={"fa": "شهرداری بومهن"},
    )  # fmt: skip
    html = get(client, bumehen, "/fa/").content.decode()
    assert '<html lang="fa" dir="rtl"' in html
    assert "شهرداری بومهن" in html


def test_root_leads_to_the_default_language(client, municipality_factory):
    rudziniec = municipality_factory(slug="rudziniec", country="PL", languages=["pl", "en"])
    response = get(client, rudziniec, "/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert response["Location"] == "/pl/"


@pytest.mark.parametrize("language", ["pl", "fa"])
def test_a_language_the_site_lacks_is_404_whatever_the_browser_asks(
    client, municipality_factory, language
):
    bornova = municipality_factory(slug="bornova", languages=["tr", "en"])
    response = get(client, bornova, f"/{language}/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 404
    assert '<html lang="tr"' in response.content.decode()


def test_unknown_host_gets_a_clear_404_page(client, municipality_factory):
    municipality_factory(slug="bornova")
    response = client.get("/tr/", HTTP_HOST="nowhere.localhost")
    assert response.status_code == 404
    assert "No municipality at this address" in response.content.decode()
    assert "nowhere.localhost" in response.content.decode()


def test_installation_host_lists_every_site(client, municipality_factory):
    municipality_factory(slug="bornova", names={"tr": "Bornova Belediyesi"})
    municipality_factory(slug="rudziniec", languages=["pl", "en"], names={"pl": "GOK Rudziniec"})
    response = client.get("/", HTTP_HOST="127.0.0.1:8000")
    html = response.content.decode()
    assert response.status_code == 200
    assert "http://bornova.localhost/" in html
    assert "GOK Rudziniec" in html


def _translated_pages(municipality):
    tr = page_ensure(
        parent=municipality.homes["tr"], page_class=StandardPage, slug="hakkimizda",
        language="tr", title="Hakkımızda",
    )  # fmt: skip
    en = page_ensure(
        parent=municipality.homes["en"], page_class=StandardPage, slug="about",
        language="en", translation_of=tr, title="About us",
    )  # fmt: skip
    return tr, en


def test_switcher_leads_to_the_same_page_in_the_other_language(client, municipality_factory):
    bornova = municipality_factory(slug="bornova")
    _translated_pages(bornova)
    html = get(client, bornova, "/tr/hakkimizda/").content.decode()
    assert re.search(r'href="/en/about/"[^>]*hreflang="en"', html)


def test_switcher_falls_back_to_the_home_page_without_a_translation(client, municipality_factory):
    bornova = municipality_factory(slug="bornova")
    page_ensure(
        parent=bornova.homes["tr"], page_class=StandardPage, slug="yalniz-turkce",
        language="tr", title="Yalnız Türkçe",
    )  # fmt: skip
    html = get(client, bornova, "/tr/yalniz-turkce/").content.decode()
    assert re.search(r'href="/en/"[^>]*hreflang="en"', html)


def test_a_translation_published_later_shows_in_the_kept_switcher(client, municipality_factory):
    """The switcher's links are kept with the site's data: the publish of a new translation
    bumps the site's generation and the page links to it at once."""
    from wagtail.models import Locale

    bornova = municipality_factory(slug="bornova")
    page = page_ensure(
        parent=bornova.homes["tr"], page_class=StandardPage, slug="yeni",
        language="tr", title="Yeni",
    )  # fmt: skip
    assert re.search(
        r'href="/en/"[^>]*hreflang="en"', get(client, bornova, "/tr/yeni/").content.decode()
    )
    english = page.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()
    html = get(client, bornova, "/tr/yeni/").content.decode()
    assert re.search(r'href="/en/yeni/"[^>]*hreflang="en"', html)


def test_switcher_keeps_the_query_but_not_the_page_number(client, municipality_factory):
    bornova = municipality_factory(slug="bornova")
    _translated_pages(bornova)
    html = get(client, bornova, "/tr/hakkimizda/?q=park+alan%C4%B1&page=3").content.decode()
    assert re.search(r'href="/en/about/\?q=park\+alan%C4%B1"[^>]*hreflang="en"', html)


def test_switcher_of_the_search_leads_to_the_search_in_the_other_language(
    client, municipality_factory
):
    bornova = municipality_factory(slug="bornova")
    html = get(client, bornova, "/tr/search/?q=%C3%B6zt%C3%BCrk").content.decode()
    assert re.search(r'href="/en/search/\?q=%C3%B6zt%C3%BCrk"[^>]*hreflang="en"', html)


def test_switcher_names_the_filtered_pages_translation_by_its_own_id(client, municipality_factory):
    bornova = municipality_factory(slug="bornova")
    tr, en = _translated_pages(bornova)
    only_turkish = page_ensure(
        parent=bornova.homes["tr"], page_class=StandardPage, slug="yalniz", language="tr",
        title="Yalnız",
    )  # fmt: skip
    html = get(client, bornova, f"/tr/hakkimizda/?directorate={tr.pk}").content.decode()
    assert re.search(rf'href="/en/about/\?directorate={en.pk}"[^>]*hreflang="en"', html)
    html = get(
        client, bornova, f"/tr/hakkimizda/?directorate={only_turkish.pk}&q=a"
    ).content.decode()
    assert re.search(r'href="/en/about/\?q=a"[^>]*hreflang="en"', html)


FRIDAY_10_FARVARDIN_1403 = datetime.datetime(2024, 3, 29, 9, 0, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("slug", "kwargs", "path", "expected"),
    [
        ("bumehen", {"country": "IR", "languages": ["fa", "en"], "calendar": "solar_hijri",
                     "time_zone": "Asia/Tehran"}, "/fa/", "جمعه ۱۰ فروردین ۱۴۰۳"),
        ("bumehen", {"country": "IR", "languages": ["fa", "en"], "calendar": "solar_hijri",
                     "time_zone": "Asia/Tehran"}, "/en/", "Friday, 10 Farvardin 1403"),
        ("bornova", {}, "/tr/", "29 Mart 2024 Cuma"),
        ("bornova", {}, "/en/", "Friday, 29 March 2024"),
        ("rudziniec", {"country": "PL", "languages": ["pl", "en"], "time_zone": "Europe/Warsaw"},
         "/pl/", "piątek, 29 marca 2024"),
    ],
)  # fmt: skip
def test_header_shows_today_in_the_sites_calendar_language_and_digits(
    client, municipality_factory, slug, kwargs, path, expected
):
    municipality = municipality_factory(slug=slug, **kwargs)
    with mock.patch.object(timezone, "now", return_value=FRIDAY_10_FARVARDIN_1403):
        html = get(client, municipality, path).content.decode()
    assert f'<time datetime="2024-03-29">{expected}</time>' in html


def test_header_date_follows_the_sites_time_zone(client, municipality_factory):
    bumehen = municipality_factory(
        slug="bumehen", country="IR", languages=["fa", "en"], calendar="solar_hijri",
        time_zone="Asia/Tehran",
    )  # fmt: skip
    late_on_thursday_in_utc = datetime.datetime(2024, 3, 28, 22, 0, tzinfo=datetime.UTC)
    with mock.patch.object(timezone, "now", return_value=late_on_thursday_in_utc):
        html = get(client, bumehen, "/fa/").content.decode()
    assert "جمعه ۱۰ فروردین ۱۴۰۳" in html  # already Friday in Tehran (UTC+3:30)


def test_a_page_links_its_sites_colours_stylesheet_of_the_current_cache_generation(
    client, municipality_factory
):
    bornova = municipality_factory(slug="bornova", primary_colour="#0b4f8a")
    html = get(client, bornova, "/tr/").content.decode()
    link = re.search(r'<link rel="stylesheet" href="(/theme\.css\?g=\d+)">', html)
    assert link is not None
    theme = get(client, bornova, link.group(1))
    assert theme.status_code == 200
    assert "#0b4f8a" in theme.content.decode()
