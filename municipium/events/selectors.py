"""Reads of the events app that registration needs: the programme page of a municipality in a
language, and registrations as the organising unit's staff see them."""

from __future__ import annotations

from django.db.models import QuerySet

from municipium.organisation.selectors import unit_ids_for_user
from municipium.tenancy.selectors import home_page_list_for_site

from .models import Event, EventRegistration, ProgrammePage


def programme_page_for(*, municipality, language: str) -> ProgrammePage | None:
    """The live programme page of ``municipality`` in ``language`` (else its default
    language's, else any)."""
    found = {}
    pages = ProgrammePage.objects.live().select_related("locale")
    for home in home_page_list_for_site(site=municipality.site):
        page = pages.child_of(home).first()
        if page is not None:
            found[page.locale.language_code] = page
    return (
        found.get(language)
        or found.get(municipality.default_language)
        or next(iter(found.values()), None)
    )


def event_list_for_staff(*, municipality, user) -> QuerySet[Event]:
    """The events of ``municipality`` whose registrations ``user`` may see: those organised
    by the units they act in (all of them for the municipality's administrators)."""
    if municipality is None:
        return Event.objects.none()
    units = unit_ids_for_user(municipality=municipality, user=user)
    return Event.objects.filter(municipality=municipality, unit_id__in=units).prefetch_related(
        "texts"
    )


def event_get_for_staff(*, municipality, user, pk) -> Event | None:
    return event_list_for_staff(municipality=municipality, user=user).filter(pk=pk).first()


def registration_list_for_staff(
    *, municipality, user, event: Event, occurrence_id=None, status=None
) -> QuerySet[EventRegistration]:
    """The registrations of ``event`` (if ``user`` may see its registrations), by date and
    position; ``occurrence_id`` and ``status`` filter."""
    if event_get_for_staff(municipality=municipality, user=user, pk=event.pk) is None:
        return EventRegistration.objects.none()
    found = EventRegistration.objects.filter(event=event, municipality=municipality)
    if occurrence_id:
        found = found.filter(occurrence_id=occurrence_id)
    if status:
        found = found.filter(status=status)
    return found.select_related("occurrence").order_by(
        "occurrence__starts_at", "status", "position"
    )


def event_get_for_registration(*, municipality, pk) -> Event | None:
    """A published event of ``municipality`` that takes registrations, with its texts,
    questions and dates read at once (None otherwise: the page is a 404)."""
    return (
        Event.objects.filter(municipality=municipality, pk=pk, is_published=True)
        .exclude(registration="none")
        .prefetch_related("texts", "questions", "occurrences")
        .first()
    )
