"""The halls' demo step: three halls for Bornova with requests in every state over the coming
weeks, and the halls page per language; made twice without change."""

import pytest

from municipium.core.demo import DemoSite
from municipium.halls.demo import demo_halls
from municipium.halls.models import Hall, HallBooking, HallText
from municipium.halls.pages import HallsPage
from municipium.organisation.demo import units_ensure

pytestmark = pytest.mark.django_db


def test_the_demo_halls_are_made_once_with_bookings_in_every_state(municipality_factory, client):
    municipality = municipality_factory(slug="bornova", names={"tr": "Bornova Belediyesi"})
    site = DemoSite(key="bornova", definition=None)
    site.made.update(
        municipality=municipality, homes=municipality.homes, units=units_ensure(municipality)
    )
    demo_halls(site)
    counts = [model.objects.count() for model in (Hall, HallText, HallBooking, HallsPage)]
    demo_halls(site)
    assert [model.objects.count() for model in (Hall, HallText, HallBooking, HallsPage)] == counts
    assert counts[0] == 3 and counts[3] == 2
    statuses = set(HallBooking.objects.values_list("status", flat=True))
    assert statuses == {"requested", "approved", "declined", "waiting", "offered", "cancelled"}
    assert Hall.objects.get(slug="buyuk-salon").venue.name == "Bornova Kültür Merkezi"
    response = client.get("/tr/salonlar/", HTTP_HOST="bornova.localhost")
    assert response.status_code == 200 and "Büyük Salon" in response.text
    hall = client.get("/tr/salonlar/buyuk-salon/", HTTP_HOST="bornova.localhost")
    assert hall.status_code == 200 and "Ayşe" not in hall.text
