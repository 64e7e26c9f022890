"""The halls' demo step: three halls for Bornova with requests in every state over the coming
weeks, and the halls page per language; made twice without change; each hall drawn, in the
culture demo's venue (one per place); Bumehen's hall on its Persian site."""

import re

import pytest

from municipium.core.demo import DemoSite
from municipium.culture.demo import VENUE_KEYS, VENUES, demo_culture
from municipium.culture.models import Venue
from municipium.halls.demo import demo_halls
from municipium.halls.models import Hall, HallBooking, HallText
from municipium.halls.pages import SLUGS, HallsPage
from municipium.organisation.demo import units_ensure

from .conftest import BUMEHEN

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


def _demo_site(municipality) -> DemoSite:
    site = DemoSite(key=municipality.slug, definition=None)
    site.made.update(
        municipality=municipality, homes=municipality.homes, units=units_ensure(municipality)
    )
    return site


def test_the_demo_halls_are_in_the_culture_demos_venue_whichever_step_runs_first(
    municipality_factory,
):
    municipality = municipality_factory(
        slug="rudziniec", languages=["pl", "en"], country="PL", time_zone="Europe/Warsaw"
    )
    site = _demo_site(municipality)
    demo_halls(site)  # before the culture step: the culture centre is made as culture makes it
    demo_culture(site)
    demo_halls(site)
    culture_centre = site.made["venues"][VENUE_KEYS["rudziniec"]["culture-centre"]]
    assert Hall.objects.get(slug="sala-widowiskowa").venue == culture_centre
    assert Venue.objects.filter(municipality=municipality).count() == len(VENUES["rudziniec"])


def test_every_demo_hall_has_a_drawn_photo_shown_on_its_page(municipality_factory, client):
    municipality = municipality_factory(slug="bornova", names={"tr": "Bornova Belediyesi"})
    demo_halls(_demo_site(municipality))
    demo_halls(_demo_site(municipality))
    halls = list(Hall.objects.prefetch_related("photos__image"))
    assert len(halls) == 3 and all(len(hall.photos.all()) == 1 for hall in halls)
    assert all(hall.photos.all()[0].image.collection.name for hall in halls)
    html = client.get("/tr/salonlar/seminer-salonu/", HTTP_HOST="bornova.localhost").text
    assert re.search(r'<ul class="hall-photos"><li><img [^>]*src="[^"]+"', html)


def test_bumehen_lends_its_culture_centres_hall_on_its_persian_site(municipality_factory, client):
    municipality = municipality_factory(**BUMEHEN)
    demo_halls(_demo_site(municipality))
    hall = Hall.objects.get(municipality=municipality)
    assert hall.venue.name == VENUE_KEYS["bumehen"]["culture-centre"]
    assert HallBooking.objects.filter(hall=hall).count() == 2
    response = client.get(f"/fa/{SLUGS['fa']}/{hall.slug}/", HTTP_HOST="bumehen.localhost")
    assert response.status_code == 200 and "سالن اجتماعات" in response.text
