"""Reads of the programme for staff: the events of the units a member of staff acts in (a
director's or manager's and those below them, a municipality's administrators' all), as the
cases are scoped, never another municipality's; their registrations; the programme page of a
municipality in a language."""

from __future__ import annotations

from django.db.models import Min, QuerySet

from municipium.organisation.selectors import unit_ids_for_user, unit_list_for_staff
from municipium.tenancy.selectors import home_page_list_for_site

from .models import Event, EventRegistration, Occurrence, ProgrammePage


def event_list_for_user(*, municipality, user) -> QuerySet[Event]:
    """The events of ``municipality`` organised by the units ``user`` acts in, with their
    texts, type and venue read at once and their first date (``first_date``)."""
    if municipality is None:
        return Event.objects.none()
    unit_ids = unit_ids_for_user(municipality=municipality, user=user)
    return (
        Event.objects.filter(municipality=municipality, unit_id__in=unit_ids)
        .select_related("event_type", "venue", "unit")
        .prefetch_related("texts", "event_type__names")
        .annotate(first_date=Min("occurrences__starts_at"))
        .order_by("starts_at")
    )


def event_get_for_user(*, municipality, user, pk) -> Event | None:
    return event_list_for_user(municipality=municipality, user=user).filter(pk=pk).first()


def event_list_for_staff(*, user) -> QuerySet[Event]:
    """Every event ``user`` may act on, across the municipalities they work for (the admin's
    lists span them)."""
    return Event.objects.filter(unit__in=unit_list_for_staff(user=user).values("pk"))


def occurrence_list_for_staff(*, user) -> QuerySet[Occurrence]:
    return Occurrence.objects.filter(event__in=event_list_for_staff(user=user).values("pk"))


def occurrence_list_for_event(*, event: Event) -> QuerySet[Occurrence]:
    return event.occurrences.order_by("starts_at")


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


def registration_list_for_staff(
    *, municipality, user, event: Event, occurrence_id=None, status=None
) -> QuerySet[EventRegistration]:
    """The registrations of ``event`` (if ``user`` may see its registrations), by date and
    position; ``occurrence_id`` and ``status`` filter."""
    if event_get_for_user(municipality=municipality, user=user, pk=event.pk) is None:
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
