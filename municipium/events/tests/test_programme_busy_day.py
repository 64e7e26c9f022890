"""A busy day of the month calendar shows its first dates and "6 more", a link to the list of
that day: the cap is in the query, so a month costs as much with 4,000 dates as with 40."""

import datetime
import re
from urllib.parse import unquote

import pytest
from django.utils import translation
from django.utils.translation import ngettext
from persiantools.jdatetime import JalaliDate

from municipium.events import public

from .programme_world import Programme
from .test_programme_http import get, visible

pytestmark = pytest.mark.django_db

DAY = datetime.date(2030, 3, 12)  # a Tuesday, far ahead: the list still shows it


@pytest.fixture
def bornova(municipality_factory):
    return Programme(municipality_factory(slug="bornova", time_zone="Europe/Istanbul"))


@pytest.fixture
def bumehen(municipality_factory):
    municipality = municipality_factory(
        slug="bumehen", country="IR", languages=["fa", "en"], calendar="solar_hijri",
        time_zone="Asia/Tehran", weekend_days=[4],
    )  # fmt: skip
    return Programme(municipality)


def busy_day(site, count, *, day=DAY, **fields):
    """``count`` events on ``day`` (local time), one every half hour from 09:00, numbered in
    order of time; returns their Turkish or Persian titles."""
    titles = []
    for number in range(count):
        start = site.local(day.year, day.month, day.day, 9) + datetime.timedelta(
            minutes=30 * number
        )
        title = f"Busy {number:02d}"
        titles.append(title)
        site.event(starts_at=start, titles=dict.fromkeys(site.pages, title), **fields)
    return titles


def test_a_day_keeps_its_first_four_dates_and_counts_the_rest_in_three_queries(
    bornova, django_assert_num_queries
):
    titles = busy_day(bornova, 10)
    # 23:30 in Istanbul is 20:30 UTC the same day; 00:30 the next day is still the 12th in UTC.
    late = bornova.event(starts_at=bornova.local(2030, 3, 12, 23, 30), titles={"tr": "Gece"})
    next_day = bornova.event(starts_at=bornova.local(2030, 3, 13, 0, 30), titles={"tr": "Sabah"})

    with django_assert_num_queries(3):  # the capped rows, texts, type names
        days = public.occurrence_month(
            municipality=bornova.municipality,
            language="tr",
            first_day=datetime.date(2030, 3, 1),
            last_day=datetime.date(2030, 3, 31),
        )
        shown = {
            day: [o.event.text_in("tr").title for o in found.occurrences]
            for day, found in days.items()
        }

    assert shown[DAY] == titles[:4]
    assert (days[DAY].total, days[DAY].more) == (11, 7)  # ten and the late one
    assert shown[datetime.date(2030, 3, 13)] == ["Sabah"]
    assert days[datetime.date(2030, 3, 13)].more == 0
    assert late.pk and next_day.pk


def test_the_calendar_links_six_more_to_the_days_list(client, bornova):
    titles = busy_day(bornova, 10, type_code="concert")

    response = get(client, bornova, bornova.url("tr", "calendar/2030/3/?event_type=concert"))

    text = response.content.decode()
    cell = text.split('aria-hidden="true">12</span>')[1].split("</td>")[0]
    assert [title for title in titles if title in cell] == titles[:4]
    with translation.override("tr"):
        more = ngettext("%(count)s more", "%(count)s more", 6) % {"count": "6"}
    link = re.search(r'<a class="month-grid__more" href="([^"]+)">([^<]+)<', cell)
    assert link[2] == more
    url = link[1].replace("&amp;", "&")
    assert url.startswith(bornova.url("tr") + "?")
    assert sorted(url.split("?")[1].split("&")) == [
        "date_from=2030-03-12", "date_to=2030-03-12", "event_type=concert",
    ]  # fmt: skip
    listed = visible(get(client, bornova, url).content.decode())
    assert all(title in listed for title in titles)


def test_a_persian_busy_day_says_more_in_persian_digits_with_a_solar_hijri_link(client, bumehen):
    busy_day(bumehen, 7)
    jalali = JalaliDate(DAY)

    month = f"calendar/{jalali.year}/{jalali.month}/"
    text = get(client, bumehen, bumehen.url("fa", month)).content.decode()

    link = re.search(r'<a class="month-grid__more" href="([^"]+)">([^<]+)<', text)
    with translation.override("fa"):
        assert link[2] == ngettext("%(count)s more", "%(count)s more", 3) % {"count": "۳"}
    typed = f"{jalali.year}/{jalali.month:02d}/{jalali.day:02d}"
    assert unquote(link[1]).endswith(f"?date_from={typed}&amp;date_to={typed}")
    listed = visible(get(client, bumehen, unquote(link[1]).replace("&amp;", "&")).content.decode())
    assert "Busy 06" in listed


def test_a_day_with_four_dates_has_no_more_link(client, bornova):
    busy_day(bornova, 4)
    text = get(client, bornova, bornova.url("tr", "calendar/2030/3/")).content.decode()
    assert "Busy 03" in text and "month-grid__more" not in text
