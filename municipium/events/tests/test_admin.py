"""The programme in the admin: staff list and edit the events of their units only, never
choose another municipality's venue, unit or partner, and move or cancel one date; each save
is one audited service call; venues and partners are their municipality's; the types of event
are for superusers."""

import datetime
import zoneinfo

import pytest
from django.contrib.auth.models import Permission
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text
from wagtail.users.models import UserProfile

from municipium.culture.models import EventType, Venue
from municipium.culture.tests.factories import event_type
from municipium.events import services
from municipium.events.models import Event, Occurrence, Status

pytestmark = pytest.mark.django_db

ISTANBUL = zoneinfo.ZoneInfo("Europe/Istanbul")


def admin(client, path, **kwargs):
    method = client.post if "data" in kwargs else client.get
    return method(path, HTTP_HOST="bornova.localhost", **kwargs)


def grant(user, *apps):
    group = user.groups.first()
    group.permissions.add(*Permission.objects.filter(content_type__app_label__in=apps))


def make(culture, title, *, unit=None, **fields):
    starts = datetime.datetime(2027, 5, 4, 18, 0, tzinfo=ISTANBUL)
    event = Event(
        municipality=culture.municipality,
        event_type=event_type("talk"),
        unit=unit or culture.section,
        venue=culture.venue,
        time_zone=culture.municipality.time_zone,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        **fields,
    )
    language = culture.municipality.default_language
    return services.event_save(event=event, by=None, texts={language: {"title": title}})


@pytest.fixture
def clerk(client, bornova):
    grant(bornova.clerk, "events", "culture")
    client.force_login(bornova.clerk)
    return bornova.clerk


def event_data(culture, **overrides):
    data = {
        "municipality": culture.municipality.pk,
        "event_type": event_type("workshop").pk,
        "unit": culture.section.pk,
        "venue": culture.venue.pk,
        "partners": [culture.partner.pk],
        "audience": "children",
        "age_min": "7",
        "age_max": "11",
        "starts_at": "2027-05-04 10:00",
        "ends_at": "2027-05-04 12:00",
        "time_zone": "",
        "recurrence": "FREQ=WEEKLY;COUNT=3",
        "exceptions": inline_formset([{"date": "2027-05-11"}]),
        "is_free": "on",
        "price": "",
        "registration": "none",
        "capacity": "",
        "status": "scheduled",
        "is_published": "on",
        "image": "",
        "texts": inline_formset(
            [
                {
                    "language": "tr",
                    "title": "Çocuklar için seramik",
                    "slug": "",
                    "summary": "",
                    "description": rich_text(""),
                    "price_note": "",
                    "accessibility": "",
                }
            ]
        ),
    }
    data.update(overrides)
    partners = data.pop("partners")
    return {**nested_form_data(data), "partners": partners}  # a list: not nested


def test_staff_list_only_their_units_events_of_their_municipality(
    client, clerk, bornova, rudziniec
):
    own = make(bornova, "Seramik atölyesi")
    parks = make(bornova, "Park konseri", unit=bornova.other_unit)
    other = make(rudziniec, "Dożynki", unit=rudziniec.section)
    html = admin(client, "/admin/events/").content.decode()
    assert "Seramik atölyesi" in html
    assert "Park konseri" not in html and "Dożynki" not in html
    for event in (parks, other):
        for view in ("edit", "delete", "history"):
            assert admin(client, f"/admin/events/{view}/{event.pk}/").status_code == 404
    assert admin(client, f"/admin/events/edit/{own.pk}/").status_code == 200


def test_the_event_form_offers_only_the_municipalitys_venues_units_and_partners(
    client, clerk, bornova, rudziniec
):
    response = admin(client, "/admin/events/new/")
    assert response.status_code == 200, response.content.decode()[-1500:]
    html = response.content.decode()
    assert bornova.venue.name in html and bornova.partner.name in html
    assert rudziniec.venue.name not in html and rudziniec.partner.name not in html
    assert "parks (tr)" not in html  # a unit the clerk does not act in


def test_creating_an_event_in_the_admin_saves_texts_days_off_and_dates_once_logged(
    client, clerk, bornova
):
    response = admin(client, "/admin/events/new/", data=event_data(bornova))
    assert response.status_code == 302, response.content.decode()[-3000:]
    event = Event.objects.get()
    assert event.time_zone == "Europe/Istanbul"
    assert event.text_in("tr").slug == "çocuklar-için-seramik"
    local = [row.starts_at.astimezone(ISTANBUL).day for row in event.occurrences.all()]
    assert local == [4, 18]
    assert list(event.partners.all()) == [bornova.partner]
    assert ModelLogEntry.objects.filter(action="events.event.create").count() == 1


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"recurrence": "FREQ=WEEKLY"}, "repeat for ever"),
        ({"ends_at": "2027-05-04 09:00"}, "ends after it starts"),
        ({"age_min": "", "age_max": ""}, "which ages"),
    ],
)
def test_bad_input_in_the_admin_is_shown_and_nothing_is_saved(
    client, clerk, bornova, overrides, message
):
    # The messages are read in English: the clerk's admin is in English (Bornova's is Turkish,
    # whose catalogue translates them).
    profile = UserProfile.get_for_user(clerk)
    profile.preferred_language = "en"
    profile.save()
    response = admin(client, "/admin/events/new/", data=event_data(bornova, **overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Event.objects.exists() and not Occurrence.objects.exists()


def test_another_municipalitys_venue_posted_by_id_is_refused(client, clerk, bornova, rudziniec):
    data = event_data(bornova, venue=rudziniec.venue.pk, partners=[rudziniec.partner.pk])
    response = admin(client, "/admin/events/new/", data=data)
    assert response.status_code == 200
    assert not Event.objects.exists()


def test_a_date_is_moved_in_its_list_and_kept_at_the_next_save(client, clerk, bornova):
    event = make(bornova, "Haftalık okuma", recurrence="FREQ=WEEKLY;COUNT=3")
    html = admin(client, f"/admin/event-dates/?event={event.pk}").content.decode()
    assert "Haftalık okuma" in html
    second = event.occurrences.order_by("starts_at")[1]
    data = {
        "event": event.pk,
        "starts_at": "2027-05-12 19:00",
        "ends_at": "2027-05-12 21:00",
        "status": Status.SCHEDULED,
        "note": "Salon değişti",
    }
    response = admin(client, f"/admin/event-dates/edit/{second.pk}/", data=data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    second.refresh_from_db()
    assert second.is_changed and second.note == "Salon değişti"
    services.event_save(event=Event.objects.get(pk=event.pk), by=None)
    second.refresh_from_db()
    assert second.starts_at.astimezone(ISTANBUL).hour == 19
    assert ModelLogEntry.objects.filter(action="events.occurrence.edit").count() == 1


def test_deleting_a_date_of_the_rule_makes_it_a_day_off(client, clerk, bornova):
    event = make(bornova, "Haftalık okuma", recurrence="FREQ=WEEKLY;COUNT=3")
    second = event.occurrences.order_by("starts_at")[1]
    response = admin(client, f"/admin/event-dates/delete/{second.pk}/", data={})
    assert response.status_code == 302
    assert [row.date.day for row in event.exceptions.all()] == [11]
    services.event_save(event=Event.objects.get(pk=event.pk), by=None)
    assert event.occurrences.count() == 2


def test_staff_see_only_their_municipalitys_venues_and_partners(client, clerk, bornova, rudziniec):
    html = admin(client, "/admin/venues/").content.decode()
    assert bornova.venue.name in html and rudziniec.venue.name not in html
    assert admin(client, f"/admin/venues/edit/{rudziniec.venue.pk}/").status_code == 404
    assert admin(client, f"/admin/partners/edit/{rudziniec.partner.pk}/").status_code == 404
    data = nested_form_data(
        {
            "municipality": bornova.municipality.pk,
            "name": "Aşık Veysel Açıkhava Tiyatrosu",
            "address": "Bornova",
            "latitude": "38.46",
            "longitude": "27.22",
            "texts": inline_formset([]),
        }
    )
    assert admin(client, "/admin/venues/new/", data=data).status_code == 302
    assert Venue.objects.filter(name="Aşık Veysel Açıkhava Tiyatrosu").exists()
    assert ModelLogEntry.objects.filter(action="culture.venue.create").count() == 1


def test_the_types_of_event_are_for_superusers_only(client, clerk, django_user_model):
    talk = EventType.objects.get(code="talk")
    assert admin(client, "/admin/event-types/").status_code in (302, 403)
    assert admin(client, f"/admin/event-types/edit/{talk.pk}/").status_code in (302, 403)
    root = django_user_model.objects.create_superuser("root", password="x")
    client.force_login(root)
    assert admin(client, "/admin/event-types/").status_code == 200
