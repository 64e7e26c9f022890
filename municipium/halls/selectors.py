"""Reads of halls and their bookings: the public catalogue and availability (blocked times
only, no personal data), and the staff's lists scoped to the municipality and the user."""

from __future__ import annotations

import datetime

from django.db.models import Prefetch, QuerySet

from municipium.cases.selectors import case_list_for_user
from municipium.tenancy.selectors import municipality_list_for_user

from .models import BookingStatus, Hall, HallBooking

BLOCKING = (BookingStatus.APPROVED, BookingStatus.OFFERED)


def _with_parts(halls: QuerySet[Hall]) -> QuerySet[Hall]:
    return halls.select_related("venue", "unit").prefetch_related(
        "texts", "openings", Prefetch("photos__image")
    )


def hall_list_public(*, municipality) -> QuerySet[Hall]:
    """The halls ``municipality`` lends, with their texts, opening hours and photos."""
    return _with_parts(Hall.objects.filter(municipality=municipality, is_active=True))


def hall_get_public(*, municipality, slug: str) -> Hall | None:
    return hall_list_public(municipality=municipality).filter(slug=slug).first()


def hall_list_for_user(*, municipality, user) -> QuerySet[Hall]:
    """The halls of ``municipality`` (None: every municipality the user works for) that staff
    ``user`` may see: those of the municipalities they work for."""
    allowed = municipality_list_for_user(user=user)
    halls = Hall.objects.filter(municipality__in=allowed)
    if municipality is not None:
        halls = halls.filter(municipality=municipality)
    return _with_parts(halls)


def hall_booking_list_for_user(*, municipality, user) -> QuerySet[HallBooking]:
    """The bookings of ``municipality`` whose case ``user`` may see (their units' work)."""
    cases = case_list_for_user(municipality=municipality, user=user).filter(kind="hall_booking")
    return (
        HallBooking.objects.filter(case__in=cases)
        .select_related("case", "hall", "municipality")
        .prefetch_related("hall__texts")
    )


def hall_booking_get_for_user(*, municipality, user, pk) -> HallBooking | None:
    return hall_booking_list_for_user(municipality=municipality, user=user).filter(pk=pk).first()


def hall_booking_get_by_case(*, case_id: int) -> HallBooking | None:
    return (
        HallBooking.objects.select_related("case__municipality", "hall")
        .prefetch_related("hall__texts")
        .filter(case_id=case_id)
        .first()
    )


def hall_blocked_list(
    *, hall: Hall, start: datetime.datetime, end: datetime.datetime
) -> list[dict]:
    """The times ``hall`` is taken between ``start`` and ``end`` (approved and offered
    bookings with their set-up and clearing): times only, never who booked."""
    return list(
        HallBooking.objects.filter(
            hall=hall, status__in=BLOCKING, blocked_from__lt=end, blocked_until__gt=start
        )
        .order_by("blocked_from")
        .values("blocked_from", "blocked_until")
    )


def hall_overlapping(
    *, hall_id: int, blocked_from, blocked_until, statuses=BLOCKING, exclude_pk=None
) -> QuerySet[HallBooking]:
    """Bookings of the hall in ``statuses`` whose blocked time overlaps the given one
    (half-open: a booking ending when another starts does not overlap)."""
    found = HallBooking.objects.filter(
        hall_id=hall_id,
        status__in=statuses,
        blocked_from__lt=blocked_until,
        blocked_until__gt=blocked_from,
    )
    return found.exclude(pk=exclude_pk) if exclude_pk else found


def hall_booking_list_waiting_for(*, hall_id: int, blocked_from, blocked_until):
    """Requests waiting for a slot that overlaps the freed one, first come first served."""
    return hall_overlapping(
        hall_id=hall_id,
        blocked_from=blocked_from,
        blocked_until=blocked_until,
        statuses=(BookingStatus.WAITING,),
    ).order_by("case__filed_at", "pk")


def hall_booking_list_offers_expired(*, now) -> QuerySet[HallBooking]:
    return HallBooking.objects.filter(status=BookingStatus.OFFERED, offered_until__lt=now)


def halls_page_for(*, municipality, language: str):
    """The live halls page of ``municipality`` in ``language`` (else its default language)."""
    from municipium.tenancy.selectors import home_page_list_for_site

    from .pages import HallsPage

    found = {}
    pages = HallsPage.objects.live().select_related("locale")
    for home in home_page_list_for_site(site=municipality.site):
        page = pages.child_of(home).first()
        if page is not None:
            found[page.locale.language_code] = page
    return (
        found.get(language)
        or found.get(municipality.default_language)
        or next(iter(found.values()), None)
    )


def booking_tracking_url(*, booking: HallBooking) -> str:
    """The absolute address of the booking's tracking page (token link), or ''."""
    page = halls_page_for(municipality=booking.case.municipality, language=booking.case.language)
    return page.tracking_url(booking.case) if page else ""
