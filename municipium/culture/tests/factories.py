"""Venues and partners for tests of the culture apps."""

from decimal import Decimal

from municipium.culture.models import EventType, Partner, PartnerText, Venue


def venue(
    municipality, name="Culture centre", *, latitude="38.4667", longitude="27.2167", **fields
):
    return Venue.objects.create(
        municipality=municipality,
        name=name,
        address=fields.pop("address", f"{name} street 1"),
        latitude=Decimal(latitude) if latitude is not None else None,
        longitude=Decimal(longitude) if longitude is not None else None,
        **fields,
    )


def partner(
    municipality, name="Ege University", *, kind=Partner.Kind.UNIVERSITY, texts=None, **fields
):
    made = Partner.objects.create(municipality=municipality, name=name, kind=kind, **fields)
    for language, description in (texts or {}).items():
        PartnerText.objects.create(partner=made, language=language, description=description)
    return made


def event_type(code="talk") -> EventType:
    """One of the seeded types (the data migration made them)."""
    return EventType.objects.get(code=code)
