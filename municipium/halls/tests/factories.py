"""Halls and requests for tests of the halls app."""

import datetime
import zoneinfo

from municipium.culture.tests.factories import venue
from municipium.halls.models import Hall, HallOpening, HallText
from municipium.halls.services import booking_request

ISTANBUL = zoneinfo.ZoneInfo("Europe/Istanbul")


def hall(municipality, unit, slug="buyuk-salon", *, opens="09:00", closes="22:00", **fields):
    """A hall open every day from ``opens`` to ``closes``, named in tr and en, 30 minutes of
    set-up and of clearing, 7 days of notice, booked up to 180 days ahead."""
    made = Hall.objects.create(
        municipality=municipality,
        venue=fields.pop("venue", None) or venue(municipality, f"Venue {slug}"),
        unit=unit,
        slug=slug,
        seats=fields.pop("seats", 200),
        standing=fields.pop("standing", 300),
        **fields,
    )
    HallText.objects.create(hall=made, language="tr", name=f"Salon {slug}", rules="Sigara yok.")
    HallText.objects.create(hall=made, language="en", name=f"Hall {slug}", rules="No smoking.")
    for weekday in range(7):
        HallOpening.objects.create(
            hall=made,
            weekday=weekday,
            opens=datetime.time.fromisoformat(opens),
            closes=datetime.time.fromisoformat(closes),
        )
    return made


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=ISTANBUL)


def request_data(starts_at, ends_at, **fields) -> dict:
    return {
        "starts_at": starts_at,
        "ends_at": ends_at,
        "name": fields.pop("name", "Ayşe Yılmaz"),
        "organisation": fields.pop("organisation", "Bornova Kent Konseyi"),
        "requester": fields.pop("requester", "association"),
        "email": fields.pop("email", "ayse@example.org"),
        "phone": "0232 555 01 01",
        "purpose": fields.pop("purpose", "Şiir dinletisi"),
        "audience": fields.pop("audience", 80),
        "equipment": "Projektör",
        **fields,
    }


def booking(hall_, starts_at, ends_at, *, language="tr", **fields):
    return booking_request(
        hall=hall_, data=request_data(starts_at, ends_at, **fields), language=language
    )
