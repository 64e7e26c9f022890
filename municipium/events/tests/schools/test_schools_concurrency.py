"""Two clerks approving two classes for the last places of a session at the same moment: real
threads, each with its own PostgreSQL connection; the session's row lock lets one through."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from municipium.core.testing import run_together
from municipium.events.models import ClassBooking
from municipium.events.schools import class_booking_approve, class_booking_submit

from .schools_world import (
    Programme,
    class_data,
)

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs concurrent writers: PostgreSQL"
    ),
]


def approve_together(bookings, by) -> int:
    """Approve every booking at the same moment; return how many were refused."""
    errors = run_together(
        [
            lambda booking=booking: class_booking_approve(booking=booking, by=by)
            for booking in bookings
        ]
    )
    assert all(isinstance(error, ValidationError) for error in errors), errors
    return len(errors)


def test_one_class_approved_at_once_into_two_overlapping_sessions_gets_one(
    municipality_factory,
):
    bornova = Programme(municipality_factory(slug="bornova"))
    bookings = [
        class_booking_submit(occurrence=occurrence, data=class_data(), language="tr")
        for occurrence in (bornova.session, bornova.trip_session)
    ]
    refused = approve_together(bookings, bornova.clerk)
    assert ClassBooking.objects.filter(case__status="approved").count() == 1
    assert refused == 1


def test_two_approvals_at_once_never_overfill_the_session(municipality_factory):
    bornova = Programme(municipality_factory(slug="bornova"), capacity=30)
    bookings = [
        class_booking_submit(
            occurrence=bornova.session,
            data=class_data(grade=f"9-{letter}", pupils=20, escorts=2),
            language="tr",
        )
        for letter in "ABCD"
    ]
    refused = approve_together(bookings, bornova.clerk)
    approved = ClassBooking.objects.filter(case__status="approved")
    assert approved.count() == 1
    assert refused == 3
