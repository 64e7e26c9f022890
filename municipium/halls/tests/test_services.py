"""Requests for halls, the unit's answers, the waiting list and its offers, and the rule that
two approved bookings of a hall never overlap (with their set-up and clearing time)."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from municipium.cases.models import Case
from municipium.halls.models import BookingStatus, HallBooking
from municipium.halls.services import (
    booking_accept_offer,
    booking_approve,
    booking_cancel,
    booking_decline,
    booking_offers_lapse,
    booking_request,
)

from .factories import at, booking, request_data

pytestmark = pytest.mark.django_db


def test_a_request_opens_a_case_in_the_halls_unit_due_in_its_working_days(bornova):
    made = booking(bornova.hall, at(bornova.day, 18), at(bornova.day, 20))
    case = made.case
    assert (case.kind, case.status, case.unit) == ("hall_booking", "requested", bornova.culture)
    assert case.working_days == bornova.hall.answer_working_days == 5
    assert case.due_at > timezone.now()
    assert made.blocked_from == at(bornova.day, 17, 30)
    assert made.blocked_until == at(bornova.day, 20, 30)
    assert made.status == BookingStatus.REQUESTED


@pytest.mark.parametrize(
    ("start", "end", "field", "words"),
    [
        (-20, -18, "starts_at", "passed"),  # yesterday's evening (in hours from the day)
        (8, 10, "starts_at", "not open"),  # before 09:00
        (21, 23, "starts_at", "not open"),  # after 22:00
        (20, 18, "ends_at", "end after"),
    ],
)
def test_a_time_in_the_past_outside_opening_hours_or_backwards_is_refused(
    bornova, start, end, field, words
):
    day = bornova.day if start > 0 else timezone.localdate() - datetime.timedelta(days=1)
    start_at = at(day, abs(start)) if start > 0 else at(day, 18)
    end_at = at(day, abs(end)) if end > 0 else at(day, 20)
    with pytest.raises(ValidationError) as refused:
        booking(bornova.hall, start_at, end_at)
    assert words in " ".join(refused.value.message_dict[field])
    assert not Case.objects.exists() and not HallBooking.objects.exists()


def test_too_little_notice_too_far_ahead_and_too_large_an_audience_are_refused(bornova):
    soon = timezone.localdate() + datetime.timedelta(days=2)
    with pytest.raises(ValidationError) as refused:
        booking(bornova.hall, at(soon, 18), at(soon, 20))
    assert "at least 7 days" in refused.value.message_dict["starts_at"][0]
    far = timezone.localdate() + datetime.timedelta(days=181)
    with pytest.raises(ValidationError) as refused:
        booking(bornova.hall, at(far, 18), at(far, 20))
    assert "180 days" in refused.value.message_dict["starts_at"][0]
    with pytest.raises(ValidationError) as refused:
        booking(bornova.hall, at(bornova.day, 18), at(bornova.day, 20), audience=301)
    assert "300" in refused.value.message_dict["audience"][0]
    assert not HallBooking.objects.exists()


def test_two_overlapping_requests_cannot_both_be_approved(bornova):
    first = booking(bornova.hall, at(bornova.day, 18), at(bornova.day, 20))
    second = booking(bornova.hall, at(bornova.day, 19), at(bornova.day, 21))
    booking_approve(booking=first, by=bornova.clerk)
    with pytest.raises(ValidationError) as refused:
        booking_approve(booking=second, by=bornova.clerk)
    assert "already booked" in refused.value.messages[0]
    second.refresh_from_db()
    second.case.refresh_from_db()
    assert (second.status, second.case.status) == ("requested", "requested")


def test_set_up_and_clearing_time_count_as_overlap_but_adjacent_blocks_do_not(bornova):
    first = booking(bornova.hall, at(bornova.day, 12), at(bornova.day, 14))  # blocks 11:30–14:30
    clearing = booking(bornova.hall, at(bornova.day, 14, 45), at(bornova.day, 16))  # 14:15–
    adjacent = booking(bornova.hall, at(bornova.day, 15), at(bornova.day, 17))  # 14:30–17:30
    booking_approve(booking=first, by=bornova.clerk)
    with pytest.raises(ValidationError):
        booking_approve(booking=clearing, by=bornova.clerk)
    booking_approve(booking=adjacent, by=bornova.clerk)
    assert HallBooking.objects.filter(status="approved").count() == 2


def test_a_taken_slot_is_refused_unless_the_requester_joins_its_waiting_list(bornova):
    taken = booking(bornova.hall, at(bornova.day, 18), at(bornova.day, 20))
    booking_approve(booking=taken, by=bornova.clerk)
    with pytest.raises(ValidationError) as refused:
        booking(bornova.hall, at(bornova.day, 19), at(bornova.day, 20))
    assert "waiting list" in refused.value.message_dict["starts_at"][0]
    waiting = booking(bornova.hall, at(bornova.day, 19), at(bornova.day, 20), waiting_list=True)
    assert (waiting.status, waiting.case.status, waiting.waits_for) == ("waiting", "waiting", taken)


def test_cancelling_offers_the_slot_to_the_first_waiting_request_who_accepts_it(
    bornova, django_capture_on_commit_callbacks
):
    # Requested in English: each requester is mailed in their language, read here in English.
    slot = (bornova.hall, at(bornova.day, 18), at(bornova.day, 19))
    taken = booking(bornova.hall, at(bornova.day, 18), at(bornova.day, 20), language="en")
    booking_approve(booking=taken, by=bornova.clerk)
    first = booking(*slot, waiting_list=True, language="en")
    second = booking(*slot, waiting_list=True, language="en")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        booking_cancel(booking=taken, by=bornova.clerk, reason="Belediye etkinliği")
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("offered", "waiting")
    assert first.offered_until > timezone.now()
    assert sorted(message.subject.split(" ")[0] for message in mail.outbox) == ["The", "Your"]
    booking_accept_offer(booking=first)
    first.refresh_from_db()
    assert (first.status, first.case.status) == ("approved", "approved")


def test_an_offer_not_accepted_in_time_passes_to_the_next_waiting_request(bornova):
    taken = booking(bornova.hall, at(bornova.day, 18), at(bornova.day, 20))
    booking_approve(booking=taken, by=bornova.clerk)
    first = booking(bornova.hall, at(bornova.day, 18), at(bornova.day, 19), waiting_list=True)
    second = booking(bornova.hall, at(bornova.day, 18), at(bornova.day, 19), waiting_list=True)
    booking_cancel(booking=taken, by=None)  # the requester withdraws on the tracking page
    later = timezone.now() + datetime.timedelta(days=4)
    assert booking_offers_lapse(now=later) == 1
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("cancelled", "offered")
    assert booking_offers_lapse(now=timezone.now()) == 0  # the next offer is still open


def test_a_declined_request_may_wait_for_its_slot(bornova, django_capture_on_commit_callbacks):
    taken = booking(bornova.hall, at(bornova.day, 18), at(bornova.day, 20))
    asked = booking(bornova.hall, at(bornova.day, 18), at(bornova.day, 20))
    booking_approve(booking=taken, by=bornova.clerk)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        booking_decline(booking=asked, by=bornova.clerk, reason="Dolu", waiting_list=True)
    asked.refresh_from_db()
    assert (asked.status, asked.waits_for) == ("waiting", taken)
    [message] = mail.outbox
    assert message.to == ["ayse@example.org"] and "Dolu" in message.body


def test_a_decline_needs_a_reason_and_is_mailed_in_the_requests_language(
    bornova, django_capture_on_commit_callbacks
):
    asked = booking(bornova.hall, at(bornova.day, 18), at(bornova.day, 20), language="en")
    with pytest.raises(ValidationError):
        booking_decline(booking=asked, by=bornova.clerk, reason=" ")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        booking_decline(booking=asked, by=bornova.clerk, reason="Renovation")
    [message] = mail.outbox
    assert "declined" in message.subject and "Renovation" in message.body
    assert "Hall buyuk-salon" in message.body


def test_the_request_is_acknowledged_by_mail(bornova, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        made = booking(bornova.hall, at(bornova.day, 18), at(bornova.day, 20))
    [message] = mail.outbox
    assert made.case.reference in message.subject


def test_another_municipalitys_clerk_cannot_approve(bornova, sisli):
    asked = booking(bornova.hall, at(bornova.day, 18), at(bornova.day, 20))
    with pytest.raises(PermissionDenied):
        booking_approve(booking=asked, by=sisli.clerk)
    asked.refresh_from_db()
    assert asked.status == "requested"


def test_an_association_must_be_named(bornova):
    with pytest.raises(ValidationError) as refused:
        booking_request(
            hall=bornova.hall,
            data=request_data(at(bornova.day, 18), at(bornova.day, 20), organisation=""),
            language="tr",
        )
    assert "organisation" in refused.value.message_dict


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the exclusion constraint: PostgreSQL"
)
def test_the_database_refuses_overlapping_approved_bookings_whatever_the_code_does(bornova):
    first = booking(bornova.hall, at(bornova.day, 18), at(bornova.day, 20))
    second = booking(bornova.hall, at(bornova.day, 20), at(bornova.day, 21))  # set-up overlaps
    HallBooking.objects.filter(pk=first.pk).update(status="approved")
    with pytest.raises(IntegrityError), transaction.atomic():
        HallBooking.objects.filter(pk=second.pk).update(status="approved")
