"""The list narrowed to days shows those days' dates, past ones included (the month
calendar's "N more" of a past day links there); without a first day it shows what is to come.
The page says which it shows."""

import datetime
import re

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext

from municipium.core import formatting

from .programme_world import BORNOVA, Programme
from .test_programme_busy_day import busy_day
from .test_programme_http import get, soon, visible

pytestmark = pytest.mark.django_db

PAST_DAY = datetime.date(2024, 3, 12)


@pytest.fixture
def bornova(municipality_factory):
    return Programme(municipality_factory(**BORNOVA))


def shown_dates(html: str) -> str:
    return re.search(r'<p class="programme__shown">([^<]+)</p>', html)[1]


def turkish(message: str, **values) -> str:
    with translation.override("tr"):
        return gettext(message) % values


def test_a_past_busy_days_more_link_lists_that_days_dates(client, bornova):
    titles = busy_day(bornova, 7, day=PAST_DAY)
    calendar = get(client, bornova, bornova.url("tr", "calendar/2024/3/")).content.decode()
    link = re.search(r'<a class="month-grid__more" href="([^"]+)">', calendar)[1]

    html = get(client, bornova, link.replace("&amp;", "&")).content.decode()

    listed = visible(html)
    assert [title for title in titles if title in listed] == titles
    day = formatting.format_date(PAST_DAY, language="tr")
    assert shown_dates(html) == turkish("Dates on %(day)s", day=day)


def test_a_range_shows_its_past_and_coming_dates_and_says_so(client, bornova):
    bornova.event(starts_at=soon(days=-4), titles={"tr": "Geçen söyleşi"})
    bornova.event(starts_at=soon(days=2), titles={"tr": "Gelecek konser"})
    bornova.event(starts_at=soon(days=-40), titles={"tr": "Çok eski sergi"})
    first = timezone.localdate() - datetime.timedelta(days=10)
    last = timezone.localdate() + datetime.timedelta(days=10)

    query = f"?date_from={first.isoformat()}&date_to={last.isoformat()}"
    html = get(client, bornova, bornova.url("tr", query)).content.decode()

    listed = visible(html)
    assert "Geçen söyleşi" in listed and "Gelecek konser" in listed
    assert "Çok eski sergi" not in listed
    days = {
        "first": formatting.format_date(first, language="tr"),
        "last": formatting.format_date(last, language="tr"),
    }
    assert shown_dates(html) == turkish("Dates from %(first)s to %(last)s", **days)


def test_without_a_first_day_the_list_shows_upcoming_dates_and_says_so(client, bornova):
    bornova.event(starts_at=soon(days=-4), titles={"tr": "Geçen söyleşi"})
    bornova.event(starts_at=soon(days=2), titles={"tr": "Gelecek konser"})
    last = timezone.localdate() + datetime.timedelta(days=10)

    plain = get(client, bornova, bornova.url("tr")).content.decode()
    until = get(client, bornova, bornova.url("tr", f"?date_to={last.isoformat()}"))
    until = until.content.decode()

    for html in (plain, until):
        assert "Gelecek konser" in visible(html) and "Geçen söyleşi" not in visible(html)
    assert shown_dates(plain) == turkish("Upcoming dates")
    day = formatting.format_date(last, language="tr")
    assert shown_dates(until) == turkish("Upcoming dates until %(last)s", last=day)
