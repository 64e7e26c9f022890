"""Reads of what the culture apps share, scoped to municipalities."""

from django.db.models import QuerySet

from .models import EventType, Partner, Venue


def venue_list_for_municipalities(*, municipalities) -> QuerySet[Venue]:
    return Venue.objects.filter(municipality__in=municipalities)


def partner_list_for_municipalities(*, municipalities) -> QuerySet[Partner]:
    return Partner.objects.filter(municipality__in=municipalities)


def partner_list_public(*, municipality) -> QuerySet[Partner]:
    return Partner.objects.filter(municipality=municipality, is_public=True).prefetch_related(
        "texts"
    )


def event_type_list() -> QuerySet[EventType]:
    return EventType.objects.prefetch_related("names")


def event_type_get(*, code: str) -> EventType | None:
    return event_type_list().filter(code=code).first()
