"""The programme's reads cost the same number of queries for a few events as for many."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from municipium.events import public

from .programme_world import Programme
from .test_programme_http import get, soon

pytestmark = pytest.mark.django_db


@pytest.fixture
def bornova(municipality_factory):
    return Programme(municipality_factory(slug="bornova"))


def add_events(site, count, *, first=0):
    for number in range(first, first + count):
        site.event(
            starts_at=soon(days=1 + number % 20),
            type_code=("talk", "concert", "workshop")[number % 3],
            venue=(site.hall, site.park)[number % 2],
        )


@pytest.mark.parametrize("count", [3, 15])
def test_a_page_of_the_list_is_four_queries(bornova, django_assert_num_queries, count):
    add_events(bornova, count)
    with django_assert_num_queries(4):  # count, rows (event, type, venue), texts, type names
        page = public.occurrence_page_public(
            municipality=bornova.municipality, language="tr", now=timezone.now()
        )
        shown = [
            (o.event.text_in("tr").title, o.event.event_type.name_in("tr"), o.event.venue.name)
            for o in page
        ]
    assert len(shown) == count and all(all(row) for row in shown)


@pytest.mark.parametrize("count", [3, 15])
def test_a_month_is_three_queries(bornova, django_assert_num_queries, count):
    add_events(bornova, count)
    today = timezone.localdate()
    with django_assert_num_queries(3):
        days = public.occurrence_month(
            municipality=bornova.municipality,
            language="tr",
            first_day=today,
            last_day=today + datetime.timedelta(days=30),
        )
        shown = [
            (o.event.text_in("tr").title, o.event.event_type.name_in("tr"))
            for found in days.values()
            for o in found.occurrences
        ]
    assert len(shown) == count and all(all(row) for row in shown)


def queries_of(client, site, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert get(client, site, path, HTTP_CACHE_CONTROL="no-cache").status_code == 200
    return len(captured)


@pytest.mark.parametrize("route", ["", "calendar/", "feed.ics"])
def test_each_route_reads_as_much_for_fifteen_events_as_for_three(client, bornova, route):
    add_events(bornova, 3)
    queries_of(client, bornova, bornova.url("tr", route))  # warm the site's data
    few = queries_of(client, bornova, bornova.url("tr", route))
    add_events(bornova, 12, first=3)
    many = queries_of(client, bornova, bornova.url("tr", route))
    assert few == many


@pytest.mark.parametrize("weeks", [2, 10])
def test_an_event_with_everything_its_page_shows_is_seven_queries(
    bornova, django_assert_num_queries, weeks
):
    made = bornova.weekly(starts_at=soon(), weeks=weeks)
    made.partners.add(bornova.university)
    made.save()
    with django_assert_num_queries(7):  # event, texts, type names, unit names, venue texts,
        found = public.event_get_public(  # partners, dates
            municipality=bornova.municipality, event_id=made.pk
        )
        shown = (
            [t.title for t in found.texts.all()],
            found.event_type.name_in("tr"),
            found.unit.name_in("tr"),
            found.venue.text_in("tr"),
            [p.name for p in found.partners.all()],
            [o.starts_at for o in found.occurrences.all()],
        )
    assert len(shown[5]) == weeks and shown[4] == ["Ege University"]
