"""The culture and programme demo steps: venues and partners, a season of events with dates
from today on, every type of page 000 for Bornova, Persian events for Bumehen, a programme
page per language; made twice without change."""

import pytest
from django.utils import timezone

from municipium.core.demo import DemoSite
from municipium.culture.demo import demo_culture
from municipium.culture.models import Partner, Venue
from municipium.events.demo import demo_events
from municipium.events.models import Event, EventText, Occurrence, ProgrammePage
from municipium.organisation.demo import units_ensure

pytestmark = pytest.mark.django_db

PAGE_000_TYPES = {
    "talk", "symposium", "panel", "conference", "concert", "festival", "show", "celebration",
    "city_tour", "fair", "workshop", "course", "science_workshop", "trip",
}  # fmt: skip


def run(municipality, key):
    site = DemoSite(key=key, definition=None)
    site.made.update(
        municipality=municipality, homes=municipality.homes, units=units_ensure(municipality)
    )
    demo_culture(site)
    demo_events(site)
    return site


def counts():
    return [m.objects.count() for m in (Venue, Partner, Event, EventText, Occurrence)]


def test_bornovas_season_has_every_type_of_page_000_with_dates_to_come(municipality_factory):
    bornova = municipality_factory(slug="bornova", languages=["tr", "en"])
    site = run(bornova, "bornova")
    before = counts()
    run(bornova, "bornova")
    assert counts() == before
    types = set(Event.objects.values_list("event_type__code", flat=True))
    assert types >= PAGE_000_TYPES
    children = Event.objects.filter(audience="children")
    assert children.exists() and all(event.age_min is not None for event in children)
    course = Event.objects.filter(event_type__code="course").first()
    assert course.occurrences.count() > 1 and course.registration == "series"
    assert Event.objects.filter(event_type__for_school_classes=True, capacity__gt=0).exists()
    assert Occurrence.objects.filter(starts_at__gte=timezone.now()).count() > 50
    assert site.made["programmes"]["tr"].slug == "etkinlikler"
    assert ProgrammePage.objects.count() == 2


def test_bumehen_has_events_in_persian_and_rudziniec_page_004s_partners(municipality_factory):
    bumehen = municipality_factory(
        slug="bumehen", country="IR", languages=["fa", "en"], calendar="solar_hijri",
        time_zone="Asia/Tehran",
    )  # fmt: skip
    site = run(bumehen, "bumehen")
    assert EventText.objects.filter(language="fa", title="شب شعر بومهن").exists()
    assert site.made["programmes"]["fa"].slug == "رویدادها"
    rudziniec = municipality_factory(
        slug="rudziniec", country="PL", languages=["pl", "en"], time_zone="Europe/Warsaw"
    )
    run(rudziniec, "rudziniec")
    kinds = set(Partner.objects.filter(municipality=rudziniec).values_list("kind", flat=True))
    assert {"school", "village_head", "association", "parish", "network"} <= kinds
    festival = Event.objects.get(municipality=rudziniec, event_type__code="festival")
    assert festival.partners.filter(kind="village_head").exists()
    assert Event.objects.filter(municipality=rudziniec, event_type__code="competition").exists()
