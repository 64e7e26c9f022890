"""The "add to calendar" file and the programme's feed, read back with real iCalendar parsers
(``icalendar`` and ``recurring_ical_events``): valid, with the zone's definition and the right
UTC times across a daylight-saving change."""

import datetime

import pytest
import recurring_ical_events
from icalendar import Calendar

from municipium.events.models import EventText, Occurrence, Status

from .programme_world import Programme
from .test_programme_http import get, soon

pytestmark = pytest.mark.django_db


@pytest.fixture
def rudziniec(municipality_factory):
    municipality = municipality_factory(
        slug="rudziniec", country="PL", languages=["pl", "en"], time_zone="Europe/Warsaw",
        names={"pl": "Gmina Rudziniec"},
    )  # fmt: skip
    return Programme(municipality)


@pytest.fixture
def bornova(municipality_factory):
    return Programme(municipality_factory(slug="bornova"))


def the_wednesday_before_summer_time_ends(after: datetime.date) -> datetime.date:
    """The Wednesday before the last Sunday of October (Europe's return to standard time),
    the first such after ``after``."""
    year = after.year
    while True:
        last_sunday = datetime.date(year, 10, 31)
        last_sunday -= datetime.timedelta(days=(last_sunday.weekday() - 6) % 7)
        wednesday = last_sunday - datetime.timedelta(days=4)
        if wednesday > after:
            return wednesday
        year += 1


def utc_starts(body: bytes) -> list[datetime.datetime]:
    calendar = Calendar.from_ical(body)
    return sorted(
        event.decoded("dtstart").astimezone(datetime.UTC) for event in calendar.walk("VEVENT")
    )


def test_a_weekly_warsaw_event_keeps_six_pm_across_the_end_of_summer_time(client, rudziniec):
    made = rudziniec.weekly(starts_at=rudziniec.local(2026, 10, 21, 18), weeks=2)

    response = get(client, rudziniec, rudziniec.event_url(made, "pl") + "event.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert utc_starts(response.content) == [
        datetime.datetime(2026, 10, 21, 16, 0, tzinfo=datetime.UTC),
        datetime.datetime(2026, 10, 28, 17, 0, tzinfo=datetime.UTC),
    ]
    calendar = Calendar.from_ical(response.content)
    zones = calendar.walk("VTIMEZONE")
    assert [str(zone["TZID"]) for zone in zones] == ["Europe/Warsaw"]
    assert {c.name for c in zones[0].subcomponents} == {"STANDARD", "DAYLIGHT"}
    first = calendar.walk("VEVENT")[0]
    assert first["DTSTART"].params["TZID"] == "Europe/Warsaw"
    for required in ("UID", "DTSTAMP", "SUMMARY", "URL", "LOCATION", "GEO", "STATUS"):
        assert required in first
    assert calendar["VERSION"] == "2.0" and "PRODID" in calendar


def test_the_feed_across_the_change_reads_the_same_in_recurring_ical_events(client, rudziniec):
    wednesday = the_wednesday_before_summer_time_ends(datetime.date.today())
    start = rudziniec.local(wednesday.year, wednesday.month, wednesday.day, 18)
    rudziniec.weekly(starts_at=start, weeks=2, titles={"pl": "Klub filmowy"})

    response = get(client, rudziniec, rudziniec.url("pl", "feed.ics"))

    assert response.status_code == 200
    expected = [
        datetime.datetime.combine(wednesday, datetime.time(16), tzinfo=datetime.UTC),
        datetime.datetime.combine(
            wednesday + datetime.timedelta(weeks=1), datetime.time(17), tzinfo=datetime.UTC
        ),
    ]
    assert utc_starts(response.content) == expected
    calendar = Calendar.from_ical(response.content)
    found = recurring_ical_events.of(calendar).between(
        wednesday, wednesday + datetime.timedelta(days=14)
    )
    assert sorted(e["DTSTART"].dt.astimezone(datetime.UTC) for e in found) == expected
    assert {str(e["SUMMARY"]) for e in found} == {"Klub filmowy"}
    assert {e["DTSTART"].dt.hour for e in found} == {18}  # local wall clock, both weeks


def test_uids_are_stable_and_a_cancelled_date_is_cancelled(client, rudziniec):
    made = rudziniec.weekly(starts_at=rudziniec.local(2026, 10, 21, 18), weeks=2)
    second = Occurrence.objects.filter(event=made).order_by("starts_at").last()
    Occurrence.objects.filter(pk=second.pk).update(status=Status.CANCELLED, is_changed=True)
    path = rudziniec.event_url(made, "pl") + "event.ics"

    first = Calendar.from_ical(get(client, rudziniec, path).content)
    again = Calendar.from_ical(get(client, rudziniec, path).content)

    uids = [str(e["UID"]) for e in first.walk("VEVENT")]
    assert uids == [str(e["UID"]) for e in again.walk("VEVENT")]
    assert len(set(uids)) == 2
    assert all(uid.startswith(f"event-{made.pk}-") for uid in uids)
    assert [str(e["STATUS"]) for e in first.walk("VEVENT")] == ["CONFIRMED", "CANCELLED"]


def test_the_feed_follows_the_lists_filters_and_another_municipality_stays_out(
    client, bornova, rudziniec
):
    bornova.event(starts_at=soon(), type_code="workshop", titles={"tr": "Atölye"})
    bornova.event(starts_at=soon(), type_code="concert", titles={"tr": "Konser"})
    rudziniec.event(starts_at=soon(), type_code="workshop", titles={"pl": "Warsztaty"})

    body = get(client, bornova, bornova.url("tr", "feed.ics?event_type=workshop")).content
    summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(body).walk("VEVENT")]

    assert summaries == ["Atölye"]
    everything = get(client, bornova, bornova.url("tr", "feed.ics")).content
    summaries = {str(e["SUMMARY"]) for e in Calendar.from_ical(everything).walk("VEVENT")}
    assert summaries == {"Atölye", "Konser"}


def test_the_feed_is_kept_by_the_page_cache(client, bornova):
    bornova.event(starts_at=soon())
    assert get(client, bornova, bornova.url("tr", "feed.ics"))["X-Page-Cache"] == "miss"
    assert get(client, bornova, bornova.url("tr", "feed.ics"))["X-Page-Cache"] == "hit"


def test_texts_with_escapes_and_long_persian_lines_read_back_unchanged(client, bornova):
    title = 'Şiir, müzik; "söyleşi" \\ C:\\yol\\'
    summary = ("شب شعر، موسیقی؛ و گفت‌وگو, a\\b; " * 12) + "\\"
    made = bornova.event(starts_at=soon(), titles={"tr": title})
    EventText.objects.filter(event=made).update(summary=summary)

    body = get(client, bornova, bornova.url("tr", "feed.ics")).content

    lines = body.split(b"\r\n")
    assert lines[-1] == b"" and max(len(line) for line in lines) <= 75
    assert all(line.decode() for line in lines[:-1])  # no character cut by a fold
    (vevent,) = Calendar.from_ical(body).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == title
    url = f"http://{bornova.host}{bornova.event_url(made, 'tr')}"
    assert str(vevent["DESCRIPTION"]) == f"{summary}\n\n{url}"
    assert str(vevent["LOCATION"]) == "Culture centre, Culture centre street 1"
