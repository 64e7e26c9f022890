"""The demo's school programme: Bornova's sessions and a booking in every state, twice
without change."""

from types import SimpleNamespace

import pytest

from municipium.events.demo_schools import CLERK, UNIT, demo_schools
from municipium.events.models import ClassBooking
from municipium.organisation.tests.factories import staff_user, unit

pytestmark = pytest.mark.django_db


def test_the_demo_books_classes_in_every_state_and_runs_twice(municipality_factory):
    bornova = municipality_factory(slug="bornova")
    culture = unit(bornova, UNIT)
    staff_user(bornova, CLERK, unit=culture)
    site = SimpleNamespace(key="bornova", made={"municipality": bornova, "homes": bornova.homes})
    demo_schools(site)
    demo_schools(site)
    statuses = sorted(ClassBooking.objects.values_list("case__status", flat=True))
    assert statuses == ["approved", "cancelled", "declined", "held", "requested", "requested"]
    declined = ClassBooking.objects.get(case__status="declined")
    assert declined.case.entries.filter(body__contains="bahar").exists()
