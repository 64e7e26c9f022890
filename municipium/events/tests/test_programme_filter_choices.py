"""The filter form's choices (the types and venues of the site's published events) are kept
with the site's data: read once, not on every request, and a change to an event shows in them
at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from municipium.events.services import event_publish
from municipium.organisation.tests.factories import staff_user

from .programme_world import BORNOVA, Programme
from .test_programme_http import get, soon

pytestmark = pytest.mark.django_db


@pytest.fixture
def bornova(municipality_factory):
    return Programme(municipality_factory(**BORNOVA))


def fresh(client, site, path):
    """The page rendered (not from the page cache) and the queries it made."""
    with CaptureQueriesContext(connection) as captured:
        response = get(client, site, path, HTTP_CACHE_CONTROL="no-cache")
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in captured]


def distinct_reads(queries) -> int:
    return sum("DISTINCT" in sql for sql in queries)


@pytest.mark.parametrize("route", ["", "calendar/", "feed.ics"])
def test_the_choices_are_read_once_then_from_the_cache(client, bornova, route):
    bornova.event(starts_at=soon(), type_code="concert")

    _html, first = fresh(client, bornova, bornova.url("tr", route))
    _html, second = fresh(client, bornova, bornova.url("tr", route))

    assert distinct_reads(first) == 2  # the types and the venues
    assert distinct_reads(second) == 0 and len(second) < len(first)


def test_a_published_event_brings_its_type_and_venue_at_once(
    client, bornova, django_capture_on_commit_callbacks
):
    bornova.event(starts_at=soon(), type_code="concert")
    draft = bornova.event(
        starts_at=soon(), type_code="workshop", venue=bornova.park, is_published=False
    )
    html, _queries = fresh(client, bornova, bornova.url("tr"))
    assert 'value="workshop"' not in html and f'value="{bornova.park.pk}"' not in html

    editor = staff_user(bornova.municipality, "editor", unit=bornova.culture)
    with django_capture_on_commit_callbacks(execute=True):
        event_publish(event=draft, by=editor)

    html, _queries = fresh(client, bornova, bornova.url("tr"))
    assert 'value="workshop"' in html and f'value="{bornova.park.pk}"' in html
