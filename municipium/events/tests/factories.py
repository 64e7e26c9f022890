"""Events for tests: an event with its texts in the municipality's languages and its one date.

A repeating event's dates come from the events' own service (``events.services``); this factory
makes only what a single event needs, so tests of other parts do not depend on it."""

import datetime

from municipium.culture.tests.factories import event_type as type_get
from municipium.events.models import Event, EventText, Occurrence


def event(
    municipality,
    *,
    unit,
    type_code="talk",
    starts_at: datetime.datetime,
    ends_at: datetime.datetime | None = None,
    titles: dict | None = None,
    is_published=True,
    **fields,
) -> Event:
    ends_at = ends_at or starts_at + datetime.timedelta(hours=2)
    made = Event.objects.create(
        municipality=municipality,
        unit=unit,
        event_type=type_get(type_code),
        time_zone=fields.pop("time_zone", municipality.time_zone),
        starts_at=starts_at,
        ends_at=ends_at,
        is_published=is_published,
        **fields,
    )
    titles = titles or {language: f"Event ({language})" for language in municipality.languages}
    for language, title in titles.items():
        EventText.objects.create(
            event=made, language=language, title=title, slug=f"event-{made.pk}-{language}"
        )
    if not made.recurrence:
        Occurrence.objects.create(
            event=made, municipality=municipality, starts_at=starts_at, ends_at=ends_at
        )
    return made
