"""The request form asks for the day in the site's calendar: a text field in the Solar Hijri
calendar on a Persian site (Persian or Latin digits, an example in the page's digits), the
browser's date picker elsewhere, and a bad date is refused in the page's language."""

import datetime
import re
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.core.validators import validate_unicode_slug
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext
from persiantools.jdatetime import JalaliDate

from municipium.core import solar_hijri
from municipium.core.formatting import localise_digits
from municipium.core.pages import page_ensure
from municipium.halls.models import HallBooking
from municipium.halls.pages import SLUGS, HallsPage

from .conftest import BUMEHEN, Halls
from .test_public import _form

pytestmark = pytest.mark.django_db


@pytest.fixture
def bumehen(municipality_factory):
    municipality = municipality_factory(**BUMEHEN)
    world = Halls(municipality)
    for language, home in municipality.homes.items():
        page_ensure(
            parent=home, page_class=HallsPage, slug=SLUGS[language], language=language,
            title={"fa": "سالن‌ها", "en": "Halls"}[language], intro="",
        )  # fmt: skip
    world.url = lambda language, rest="": f"/{language}/{SLUGS[language]}/{rest}"
    return world


def _day_input(html: str) -> str:
    return re.search(r'<input[^>]*name="day"[^>]*>', html)[0]


def _post(world, language, day: str):
    return Client().post(
        world.url(language, "buyuk-salon/request/"),
        {**_form(world.day), "day": day},
        HTTP_HOST=world.host,
    )


def _solar_hijri(day) -> str:
    return JalaliDate(day).strftime("%Y/%m/%d")


def test_a_persian_site_asks_for_the_day_as_text_with_an_example_in_persian_digits(bumehen):
    html = Client().get(bumehen.url("fa", "buyuk-salon/request/"), HTTP_HOST=bumehen.host).text
    field = _day_input(html)
    assert 'type="text"' in field and 'type="date"' not in field
    assert 'placeholder="۱۴۰۵/۰۲/۱۰"' in field and 'inputmode="numeric"' in field
    assert "۱۴۰۵/۰۲/۱۰" in re.sub(r"<input[^>]*>", "", html)  # the hint under the field
    english = Client().get(bumehen.url("en", "buyuk-salon/request/"), HTTP_HOST=bumehen.host)
    assert 'placeholder="1405/02/10"' in _day_input(english.text)


@pytest.mark.parametrize("digits", ["fa", "en"])
def test_a_persian_site_reads_the_day_in_the_solar_hijri_calendar(bumehen, digits):
    typed = localise_digits(_solar_hijri(bumehen.day), digits)
    response = _post(bumehen, "fa", typed)
    assert response.status_code == 302, response.text
    made = HallBooking.objects.get()
    tehran = zoneinfo.ZoneInfo("Asia/Tehran")
    assert made.starts_at == datetime.datetime.combine(
        bumehen.day, datetime.time(18), tzinfo=tehran
    )


def test_a_persian_site_refuses_an_impossible_day_in_persian(bumehen):
    response = _post(bumehen, "fa", "۱۴۰۴/۱۲/۳۰")  # 1404 is not a leap year
    assert response.status_code == 400 and not HallBooking.objects.exists()
    with translation.override("fa"), pytest.raises(ValidationError) as refused:
        solar_hijri.parse_date("1404/12/30")
    assert refused.value.messages[0] in response.text
    assert re.search("[\u0600-\u06ff]", refused.value.messages[0])  # said in Persian


def test_a_gregorian_day_typed_on_a_persian_site_is_refused_with_the_example(bumehen):
    response = _post(bumehen, "fa", bumehen.day.isoformat())
    assert response.status_code == 400 and not HallBooking.objects.exists()
    assert "۱۴۰۵/۰۲/۱۰" in response.text


def test_a_gregorian_site_keeps_the_browsers_date_picker_and_refuses_a_bad_date_in_turkish(site):
    html = Client().get(site.url("tr", "buyuk-salon/request/"), HTTP_HOST=site.host).text
    assert 'type="date"' in _day_input(html) and "placeholder" not in _day_input(html)
    response = _post(site, "tr", "2027-02-30")
    assert response.status_code == 400 and not HallBooking.objects.exists()
    with translation.override("tr"):
        assert gettext("Enter a valid date.") in response.text
    assert _post(site, "tr", site.day.isoformat()).status_code == 302


def test_the_halls_page_slugs_are_valid_in_every_language():
    """Wagtail refuses a slug with a zero-width non-joiner (the Persian one had one)."""
    for slug in SLUGS.values():
        validate_unicode_slug(slug)
