"""Requests for halls and the unit's answers, each a named service in one transaction, the
booking a kind of case (``halls.kind``) on the case engine.

No double booking: every service that may make a booking block its hall (approving, accepting
an offer) first locks the hall's row, then checks for an overlapping approved or offered booking,
then writes; on PostgreSQL the exclusion constraint of the migration refuses an overlap whatever
the code does (its IntegrityError is answered with the same clear message), on SQLite the write
lock taken at the start of every transaction (``transaction_mode`` IMMEDIATE) serialises the
writers. The requester is told at every step by mail queued on commit (``halls.emails``)."""

from __future__ import annotations

import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from municipium.cases.kinds import ClockRule
from municipium.cases.services import case_open, case_transition
from municipium.core import formatting
from municipium.core.audit import snapshot
from municipium.tenancy.services import (
    municipality_owned_save,
    municipality_purge_cache_on_commit,
)

from .kind import CODE
from .models import BookingStatus, Hall, HallBooking
from .selectors import (
    hall_booking_list_offers_expired,
    hall_booking_list_waiting_for,
    hall_overlapping,
)
from .tasks import booking_mail

REQUIRED = ("starts_at", "ends_at", "name", "email", "purpose", "audience")


def _locked_hall(hall_id: int) -> Hall:
    return Hall.objects.select_for_update().get(pk=hall_id)


def _locked_booking(booking: HallBooking) -> HallBooking:
    return (
        HallBooking.objects.select_for_update()
        .select_related("case__municipality", "hall")
        .get(pk=booking.pk)
    )


def _blocked(hall: Hall, starts_at, ends_at) -> tuple[datetime.datetime, datetime.datetime]:
    return (
        starts_at - datetime.timedelta(minutes=hall.setup_minutes),
        ends_at + datetime.timedelta(minutes=hall.clearing_minutes),
    )


def _clash_message() -> str:
    return _(
        "The hall is already booked at that time (with the set-up and clearing time "
        "around each booking). Choose another time, or join the waiting list for this one."
    )


def booking_times_clean(*, hall: Hall, starts_at, ends_at, now=None) -> dict:
    """The errors of a requested time, by field: in the future, ending after it starts, on one
    day within the hall's opening hours, at least the notice days ahead and at most as far
    ahead as the hall is booked."""
    errors = {}
    if starts_at is None or ends_at is None:
        return {"starts_at": _("Give the date and the times of the event.")}
    now = now or timezone.now()
    zone = zoneinfo.ZoneInfo(hall.municipality.time_zone)
    start, end = starts_at.astimezone(zone), ends_at.astimezone(zone)
    if end <= start:
        errors["ends_at"] = _("The event must end after it starts.")
    if starts_at <= now:
        errors["starts_at"] = _("This time has passed: choose a date in the future.")
        return errors
    today = now.astimezone(zone).date()
    if start.date() < today + datetime.timedelta(days=hall.notice_days):
        errors["starts_at"] = ngettext(
            "Ask at least %(days)s day ahead: the first day you may ask for is %(date)s.",
            "Ask at least %(days)s days ahead: the first day you may ask for is %(date)s.",
            hall.notice_days,
        ) % {
            "days": hall.notice_days,
            "date": _local_date(hall, today + datetime.timedelta(days=hall.notice_days)),
        }
    elif start.date() > today + datetime.timedelta(days=hall.max_ahead_days):
        errors["starts_at"] = ngettext(
            "This hall is booked at most %(days)s day ahead.",
            "This hall is booked at most %(days)s days ahead.",
            hall.max_ahead_days,
        ) % {"days": hall.max_ahead_days}
    if "ends_at" not in errors and not _within_opening_hours(hall, start, end):
        errors["starts_at"] = errors.get("starts_at") or _(
            "The hall is not open at that time: see its opening hours."
        )
    return errors


def _within_opening_hours(hall: Hall, start, end) -> bool:
    if start.date() != end.date():
        return False
    return any(
        opening.weekday == start.weekday()
        and opening.opens <= start.time()
        and end.time() <= opening.closes
        for opening in hall.openings.all()
    )


@transaction.atomic
def _local_date(hall: Hall, day) -> str:
    """A day as the site writes it: its calendar, its digits, the active language."""
    return formatting.format_date(
        day, language=get_language(), calendar=hall.municipality.calendar, style="long"
    )


@transaction.atomic
def booking_request(*, hall: Hall, data: dict, language: str) -> HallBooking:
    """A resident's or an association's request for ``hall`` (``data``: starts_at, ends_at,
    name, organisation, requester, email, phone, purpose, audience, equipment, and
    ``waiting_list``: join the waiting list if the time is taken). Opens the case in the hall's
    unit, due in the hall's working days; a taken time is refused unless ``waiting_list``,
    then the request waits for that slot."""
    hall = _locked_hall(hall.pk)
    errors = {}
    if not hall.is_active:
        errors["hall"] = _("This hall is not lent at present.")
    for name in REQUIRED:
        if data.get(name) in (None, ""):
            errors[name] = _("This field is required.")
    audience = data.get("audience")
    if audience is not None and audience != "":
        if int(audience) < 1:
            errors["audience"] = _("Expect at least one person.")
        elif int(audience) > hall.capacity:
            errors["audience"] = ngettext(
                "The hall holds at most %(capacity)s person.",
                "The hall holds at most %(capacity)s people.",
                hall.capacity,
            ) % {"capacity": hall.capacity}
    if (
        data.get("requester") == HallBooking.Requester.ASSOCIATION
        and not data.get("organisation", "").strip()
    ):
        errors["organisation"] = _("Name the association.")
    errors = {**booking_times_clean(
        hall=hall, starts_at=data.get("starts_at"), ends_at=data.get("ends_at")
    ), **errors}  # fmt: skip
    if errors:
        raise ValidationError(errors)
    starts_at, ends_at = data["starts_at"], data["ends_at"]
    blocked_from, blocked_until = _blocked(hall, starts_at, ends_at)
    taken = hall_overlapping(
        hall_id=hall.pk, blocked_from=blocked_from, blocked_until=blocked_until
    ).first()
    if taken is not None and not data.get("waiting_list"):
        raise ValidationError({"starts_at": _clash_message()})
    municipality = hall.municipality
    when = formatting.format_datetime(
        starts_at, language=language, calendar=municipality.calendar,
        time_zone=municipality.time_zone, style="short",
    )  # fmt: skip
    title = f"{hall.name_in(language)}: {when}"
    case = case_open(
        municipality=hall.municipality,
        kind=CODE,
        unit=hall.unit,
        title=title[:200],
        description=data["purpose"],
        by=None,
        language=language,
        deadline=ClockRule(working_days=hall.answer_working_days),
        status=BookingStatus.WAITING if taken else BookingStatus.REQUESTED,
    )
    booking = HallBooking(
        case=case,
        municipality=hall.municipality,
        hall=hall,
        starts_at=starts_at,
        ends_at=ends_at,
        blocked_from=blocked_from,
        blocked_until=blocked_until,
        status=case.status,
        requester=data.get("requester") or HallBooking.Requester.RESIDENT,
        name=data["name"].strip(),
        organisation=data.get("organisation", "").strip(),
        email=data["email"].strip(),
        phone=data.get("phone", "").strip(),
        purpose=data["purpose"].strip(),
        audience=int(audience),
        equipment=data.get("equipment", "").strip(),
        waits_for=taken,
    )
    booking.full_clean(exclude=["case", "waits_for"])
    booking.save()
    what = "waiting" if taken else "received"
    transaction.on_commit(lambda: booking_mail.enqueue(case.pk, what))
    return booking


def _move(booking: HallBooking, transition: str, *, by, note: str = "", by_resident=False):
    """The case's transition, then the booking's mirrored status; an overlap the database
    refuses (the exclusion constraint) is answered with the clash message."""
    case = case_transition(
        case=booking.case, transition=transition, by=by, note=note, by_resident=by_resident
    )
    booking.case = case
    blocking = {BookingStatus.APPROVED, BookingStatus.OFFERED}
    if (booking.status in blocking) != (case.status in blocking):
        # The halls' public availability calendars show blocked times: purge the site's pages.
        municipality_purge_cache_on_commit(municipality_id=booking.municipality_id)
    booking.status = case.status
    try:
        with transaction.atomic():
            booking.save(update_fields=["status", "waits_for", "offered_until"])
    except IntegrityError:
        raise ValidationError(_clash_message()) from None
    return booking


def _check_free(booking: HallBooking) -> None:
    if hall_overlapping(
        hall_id=booking.hall_id,
        blocked_from=booking.blocked_from,
        blocked_until=booking.blocked_until,
        exclude_pk=booking.pk,
    ).exists():
        raise ValidationError(_clash_message())


@transaction.atomic
def booking_approve(*, booking: HallBooking, by) -> HallBooking:
    """Approve the request: the hall is blocked for it, unless another approved (or offered)
    booking already blocks an overlapping time."""
    _locked_hall(booking.hall_id)
    booking = _locked_booking(booking)
    if booking.status != BookingStatus.REQUESTED:
        raise ValidationError(_("Only a request waiting for an answer can be approved."))
    _check_free(booking)
    booking.waits_for = None
    return _move(booking, "approve", by=by)


@transaction.atomic
def booking_decline(
    *, booking: HallBooking, by, reason: str, waiting_list: bool = False
) -> HallBooking:
    """Decline the request with the reason the requester reads; with ``waiting_list`` it waits
    for its slot instead, and is offered it if the slot frees up."""
    booking = _locked_booking(booking)
    if waiting_list:
        booking.waits_for = hall_overlapping(
            hall_id=booking.hall_id,
            blocked_from=booking.blocked_from,
            blocked_until=booking.blocked_until,
            exclude_pk=booking.pk,
        ).first()
    return _move(booking, "wait" if waiting_list else "decline", by=by, note=reason)


@transaction.atomic
def booking_cancel(*, booking: HallBooking, by=None, reason: str = "") -> HallBooking:
    """Cancel a booking or a request: by staff (``by``, with the reason) or by the requester
    on the tracking page (``by=None``). A freed slot is offered to the requests waiting for it."""
    _locked_hall(booking.hall_id)
    booking = _locked_booking(booking)
    was_blocking = booking.status in (BookingStatus.APPROVED, BookingStatus.OFFERED)
    if by is None:
        booking = _move(booking, "withdraw", by=None, note=reason, by_resident=True)
    else:
        booking = _move(booking, "cancel", by=by, note=reason)
    if was_blocking:
        _offer_freed(booking)
    return booking


def _offer_freed(freed: HallBooking) -> list[HallBooking]:
    """Offer the freed time to each request waiting for an overlapping slot that is now free,
    first come first served."""
    offered, now = [], timezone.now()
    for waiting in hall_booking_list_waiting_for(
        hall_id=freed.hall_id, blocked_from=freed.blocked_from, blocked_until=freed.blocked_until
    ).select_related("case", "hall"):
        if waiting.starts_at <= now:
            continue
        if hall_overlapping(
            hall_id=waiting.hall_id,
            blocked_from=waiting.blocked_from,
            blocked_until=waiting.blocked_until,
            exclude_pk=waiting.pk,
        ).exists():
            continue
        waiting.offered_until = min(
            now + datetime.timedelta(days=waiting.hall.offer_days), waiting.starts_at
        )
        waiting.waits_for = None
        offered.append(_move(waiting, "offer", by=None))
    return offered


@transaction.atomic
def booking_accept_offer(*, booking: HallBooking) -> HallBooking:
    """The requester accepts the slot offered to them (tracking page), before the offer lapses."""
    _locked_hall(booking.hall_id)
    booking = _locked_booking(booking)
    if booking.status != BookingStatus.OFFERED:
        raise ValidationError(_("No slot is offered to this request."))
    if booking.offered_until and booking.offered_until < timezone.now():
        raise ValidationError(_("The offer has lapsed: the slot passed on."))
    _check_free(booking)
    booking.offered_until = None
    return _move(booking, "accept_offer", by=None, by_resident=True)


def booking_offers_lapse(*, now=None) -> int:
    """Let each offer not accepted in time lapse (the request is cancelled, the requester told)
    and pass the slot on to the next request waiting. For the periodic task; safe twice."""
    now = now or timezone.now()
    count = 0
    for booking in hall_booking_list_offers_expired(now=now):
        with transaction.atomic():
            _locked_hall(booking.hall_id)
            booking = _locked_booking(booking)
            if booking.status != BookingStatus.OFFERED:
                continue
            _move(booking, "lapse", by=None)
            _offer_freed(booking)
            count += 1
    return count


# The staff's side: halls ------------------------------------------------------------------


def hall_snapshot(hall: Hall) -> dict:
    texts = {row.language: row.name for row in hall.texts.all()}
    openings = [
        f"{row.weekday} {row.opens:%H:%M}-{row.closes:%H:%M}" for row in hall.openings.all()
    ]
    return snapshot(hall, extra={"names": texts, "openings": openings})


@transaction.atomic
def hall_save(*, instance: Hall, by) -> Hall:
    """Create or change a hall with its texts, photos and opening hours: its venue and unit
    must be of its municipality."""
    errors = {}
    if instance.venue.municipality_id != instance.municipality_id:
        errors["venue"] = _("Choose a venue of this municipality.")
    if instance.unit.municipality_id != instance.municipality_id:
        errors["unit"] = _("Choose a unit of this municipality.")
    if errors:
        raise ValidationError(errors)
    return municipality_owned_save(
        instance, by=by, action_prefix="halls.hall", snapshot_of=hall_snapshot
    )
