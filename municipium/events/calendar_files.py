"""The programme as iCalendar (RFC 5545): an event's "add to calendar" file and the feeds of a
municipality's programme, written with the ``icalendar`` package.

One VEVENT per date, not one VEVENT with RRULE/EXDATE and RECURRENCE-ID overrides: the dates
(``Occurrence`` rows) are what the municipality publishes, changed and cancelled ones included,
so a calendar shows exactly the page's dates; a feed narrowed to some days or filters cannot be
written as a rule; and calendar applications differ in how they expand rules with exceptions
across a daylight-saving change, while they all read plain dates the same way. Each VEVENT's
UID is stable for its date (the event and the start the rule planned, or the date's row), so a
subscribed calendar updates a moved or cancelled date in place (STATUS:CANCELLED) instead of
adding a second one. Times are written in the event's own zone with its VTIMEZONE.
"""

import datetime
import zoneinfo

from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as VEvent

from .models import Status

PRODUCT_ID = "-//Municipium//Programme//EN"
ICAL_STATUS = {
    Status.SCHEDULED: "CONFIRMED",
    Status.SOLD_OUT: "CONFIRMED",
    Status.POSTPONED: "TENTATIVE",
    Status.CANCELLED: "CANCELLED",
}
CONTENT_TYPE = "text/calendar; charset=utf-8"


def occurrence_uid(occurrence, *, host: str) -> str:
    """Stable for the date: where the rule planned it, else its row."""
    if occurrence.original_start is not None:
        planned = occurrence.original_start.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
        return f"event-{occurrence.event_id}-{planned}@{host}"
    return f"event-{occurrence.event_id}-date-{occurrence.pk}@{host}"


def _calendar(*, name: str, language: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)  # RFC 7986
    calendar.add("x-wr-calname", name)
    return calendar


def _vevent(occurrence, *, event, text, url: str, host: str, status: str) -> VEvent:
    zone = zoneinfo.ZoneInfo(event.time_zone)
    vevent = VEvent()
    vevent.add("uid", occurrence_uid(occurrence, host=host))
    vevent.add("dtstamp", (event.updated_at or timezone.now()).astimezone(datetime.UTC))
    vevent.add("dtstart", occurrence.starts_at.astimezone(zone))
    vevent.add("dtend", occurrence.ends_at.astimezone(zone))
    vevent.add("summary", text.title if text else str(event.pk))
    if text and text.summary:
        vevent.add("description", f"{text.summary}\n\n{url}")
    else:
        vevent.add("description", url)
    vevent.add("url", url)
    vevent.add("status", ICAL_STATUS.get(status, "CONFIRMED"))
    venue = event.venue
    if venue is not None:
        vevent.add("location", ", ".join(part for part in (venue.name, venue.address) if part))
        if venue.latitude is not None and venue.longitude is not None:
            vevent.add("geo", (float(venue.latitude), float(venue.longitude)))
    return vevent


def _finish(calendar: Calendar) -> bytes:
    calendar.add_missing_timezones()  # a VTIMEZONE for each TZID used
    return calendar.to_ical()


def event_calendar(
    *, event, occurrences, language: str, url: str, host: str, name: str, status_of
) -> bytes:
    """The "add to calendar" file of one event: a VEVENT for each of its dates."""
    text = event.text_in(language)
    calendar = _calendar(name=name, language=language)
    for occurrence in occurrences:
        occurrence.event = event
        calendar.add_component(
            _vevent(
                occurrence,
                event=event,
                text=text,
                url=url,
                host=host,
                status=status_of(occurrence),
            )
        )
    return _finish(calendar)


def programme_calendar(
    *, occurrences, language: str, host: str, name: str, url_of, status_of
) -> bytes:
    """A feed: a VEVENT for each date of ``occurrences`` (with their events, texts of
    ``language`` and venues read), ``url_of(event)`` its page's absolute address."""
    calendar = _calendar(name=name, language=language)
    for occurrence in occurrences:
        event = occurrence.event
        calendar.add_component(
            _vevent(
                occurrence,
                event=event,
                text=event.text_in(language),
                url=url_of(event),
                host=host,
                status=status_of(occurrence),
            )
        )
    return _finish(calendar)
