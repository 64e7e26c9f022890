"""The programme list counts its dates only to a limit (``public.COUNT_LIMIT``): the count's
cost does not grow with the content. Past the limit it says "more than", shows "Page n" without
a total, and later pages are reached by "Later" only."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import ngettext

from municipium.events import public

from .programme_world import Programme
from .test_programme_http import get, soon, visible

pytestmark = pytest.mark.django_db


@pytest.fixture
def bornova(municipality_factory):
    return Programme(municipality_factory(slug="bornova"))


def dated(site, count, **fields) -> list[str]:
    """``count`` events an hour apart from three days on; their titles in order of time."""
    titles = [f"Date {number:02d}" for number in range(count)]
    for number, title in enumerate(titles):
        start = soon() + datetime.timedelta(hours=number)
        site.event(starts_at=start, titles={"tr": title}, **fields)
    return titles


def page_of(site, number, *, limit=5, per_page=2):
    return public.occurrence_page_public(
        municipality=site.municipality,
        language="tr",
        now=timezone.now(),
        number=number,
        per_page=per_page,
        count_limit=limit,
    )


def titles_of(page) -> list[str]:
    return [o.event.text_in("tr").title for o in page]


def test_the_count_reads_at_most_one_row_past_the_limit(bornova):
    dated(bornova, 7)
    with CaptureQueriesContext(connection) as captured:
        page = page_of(bornova, 1)
        titles_of(page)
    assert len(captured) == 4  # the count, the rows, the texts, the type names
    count_sql = captured[0]["sql"]
    assert count_sql.startswith("SELECT COUNT(*)") and "LIMIT 6" in count_sql
    assert "ORDER BY" not in count_sql  # else every date is sorted before the first six
    assert (page.paginator.count, page.paginator.is_capped) == (6, True)


def test_pages_past_the_limit_are_reached_by_next_only(bornova):
    titles = dated(bornova, 7)
    counted = page_of(bornova, 3)  # the last counted page (6 rows, 2 a page) has a next
    assert titles_of(counted) == titles[4:6] and counted.has_next()
    past = page_of(bornova, 4)
    assert titles_of(past) == titles[6:] and not past.has_next() and past.has_previous()
    assert titles_of(page_of(bornova, 9)) == titles[4:6]  # past the end: the last counted
    assert titles_of(page_of(bornova, "x")) == titles[:2]


def test_under_the_limit_the_count_is_exact(bornova):
    titles = dated(bornova, 5)
    page = page_of(bornova, 3)
    assert (page.paginator.count, page.paginator.num_pages) == (5, 3)
    assert not page.paginator.is_capped
    assert titles_of(page) == titles[4:] and not page.has_next()


def test_a_capped_list_says_more_than_and_page_n_without_a_total(client, bornova, monkeypatch):
    monkeypatch.setattr(public, "COUNT_LIMIT", 3)
    titles = dated(bornova, public.PAGE_SIZE + 5, type_code="concert")

    first_html = get(client, bornova, bornova.url("tr", "?event_type=concert")).content.decode()
    first = visible(first_html)
    second = get(client, bornova, bornova.url("tr", "?event_type=concert&page=2")).content.decode()

    with translation.override("tr"):
        more = ngettext("More than %(shown)s date found.", "More than %(shown)s dates found.", 3)
        page_one, page_two = (translation.gettext("Page %(number)s") % {"number": n} for n in "12")
    assert more % {"shown": "3"} in first
    assert page_one in first and titles[public.PAGE_SIZE - 1] in first
    assert 'rel="next"' in first_html and "Page 1 of" not in first
    assert page_two in visible(second) and titles[-1] in visible(second)
    assert 'rel="next"' not in second and 'rel="prev"' in second
