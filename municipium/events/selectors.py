"""Reads of the programme for staff: the events of the units a member of staff acts in (a
director's or manager's and those below them, a municipality's administrators' all), as the
cases are scoped; never another municipality's."""

from django.db.models import Min, QuerySet

from municipium.organisation.selectors import unit_ids_for_user, unit_list_for_staff

from .models import Event, Occurrence


def event_list_for_user(*, municipality, user) -> QuerySet[Event]:
    """The events of ``municipality`` organised by the units ``user`` acts in, with their
    texts, type and venue read at once and their first date (``first_date``)."""
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
