"""A municipality with a culture unit and an event that takes registrations, for tests."""

import datetime

from django.utils import timezone

from municipium.organisation.tests.factories import staff_user, unit

from .factories import event as event_create

FUTURE = datetime.timedelta(days=10)


def culture_unit(municipality, code="kultur"):
    return unit(municipality, code)


def registered_event(municipality, *, unit, capacity=10, **fields):
    fields.setdefault("registration", "occurrence")
    return event_create(
        municipality,
        unit=unit,
        type_code=fields.pop("type_code", "workshop"),
        starts_at=fields.pop("starts_at", timezone.now() + FUTURE),
        capacity=capacity,
        **fields,
    )


def person(number=0, **extra):
    return {"name": f"Kişi {number}", "email": f"kisi{number}@example.org", **extra}


def clerk(municipality, culture, username=None):
    return staff_user(municipality, username or f"clerk-{municipality.slug}", unit=culture)


PROGRAMME_SLUGS = {"tr": "etkinlikler", "fa": "برنامه", "en": "events", "pl": "wydarzenia"}


def programme_pages(municipality):
    from municipium.core.pages import page_ensure
    from municipium.events.models import ProgrammePage

    return {
        language: page_ensure(
            parent=home,
            page_class=ProgrammePage,
            slug=PROGRAMME_SLUGS[language],
            language=language,
            title=f"Programme ({language})",
        )
        for language, home in municipality.homes.items()
    }


def register_url(event, language):
    return (
        f"/{language}/{PROGRAMME_SLUGS[language]}/{event.pk}/event-{event.pk}-{language}/register/"
    )
