"""Reads of the culture vocabulary for the apps above (events, halls, archive)."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import EventType, Venue


def event_type_get(*, code: str) -> EventType | None:
    return EventType.objects.filter(code=code).first()


def venue_list_for_municipality(*, municipality) -> QuerySet[Venue]:
    if municipality is None:
        return Venue.objects.none()
    return Venue.objects.filter(municipality=municipality).order_by("name")
