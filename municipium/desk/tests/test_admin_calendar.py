"""Bumehen's staff filter the case list by filing date in their own calendar (Solar Hijri):
the dates are typed, shown back and named in the active filter as they read them."""

import datetime
import zoneinfo

import pytest
from django.test import Client
from wagtail.users.models import UserProfile

from municipium.desk.services import request_submit
from municipium.organisation.models import Unit
from municipium.organisation.tests.factories import staff_user, unit

from .factories import category

pytestmark = pytest.mark.django_db
TEHRAN = zoneinfo.ZoneInfo("Asia/Tehran")
HOST = "bumehen.localhost"


@pytest.fixture
def bumehen(municipality_factory):
    municipality = municipality_factory(
        slug="bumehen", country="IR", languages=["fa", "en"], calendar="solar_hijri",
        time_zone="Asia/Tehran", weekend_days=[4], names={"fa": "شهرداری بومهن"},
    )  # fmt: skip
    mayor = unit(municipality, "mayor", kind=Unit.Kind.MAYORS_OFFICE)
    lights = category(municipality, "street-light", mayor)
    for day, text in ((datetime.date(2026, 3, 2), "winter"), (datetime.date(2026, 6, 1), "june")):
        request_submit(
            municipality=municipality, category=lights, language="fa", description=text,
            filed_at=datetime.datetime.combine(day, datetime.time(10), tzinfo=TEHRAN),
        )  # fmt: skip
    chief = staff_user(municipality, "chief", unit=mayor, role="director")
    profile = UserProfile.get_for_user(chief)
    profile.preferred_language = "fa"
    profile.current_time_zone = "Asia/Tehran"
    profile.save()
    client = Client(HTTP_HOST=HOST)
    client.force_login(chief)
    return client


def test_the_filing_date_filter_reads_and_shows_solar_hijri_dates(bumehen):
    # Khordad 1405 is 22 May – 21 June 2026: the June request, not the one of 2 March.
    query = "filed_from=1405/03/01&filed_to=۱۴۰۵/۰۳/۳۱"
    listing = bumehen.get(f"/admin/requests/?{query}").content.decode()
    assert "june" in listing and "winter" not in listing
    assert 'name="filed_from" value="1405/03/01"' in listing  # shown back as typed
    assert 'data-solar-hijri-picker="date"' in listing  # our picker, not Wagtail's
    # The active filter names the days in the same calendar, not "22 May 2026 00:00".
    assert '<b class="w-ml-1">۱ خرداد ۱۴۰۵ - ۳۱ خرداد ۱۴۰۵</b>' in listing


def test_an_impossible_solar_hijri_date_is_not_taken_for_a_gregorian_one(bumehen):
    listing = bumehen.get("/admin/requests/?filed_from=1404/12/30").content.decode()
    assert "winter" in listing and "june" in listing  # the invalid filter is not applied
