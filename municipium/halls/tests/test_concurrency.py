"""Two clerks approving overlapping bookings of one hall at the same moment: real threads, each
with its own connection to PostgreSQL. Exactly one is approved. SQLite serialises writers (its
write lock), so it is skipped there; the sequential cases are in test_services."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from municipium.core.testing import run_together
from municipium.halls.models import HallBooking
from municipium.halls.services import booking_approve

from .factories import at, booking

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs concurrent writers: PostgreSQL"
    ),
]


@pytest.mark.parametrize("rounds", [5])
def test_overlapping_bookings_approved_at_once_give_exactly_one_approval(bornova, rounds):
    for number in range(rounds):
        day = bornova.day + datetime.timedelta(days=number)
        # Six requests whose blocked times all overlap (set-up and clearing included).
        requests = [
            booking(bornova.hall, at(day, 12 + hour % 3), at(day, 14 + hour % 3))
            for hour in range(6)
        ]
        errors = run_together(
            [lambda made=made: booking_approve(booking=made, by=bornova.clerk) for made in requests]
        )
        assert all(isinstance(error, ValidationError) for error in errors), errors
        assert len(errors) == 5
        approved = HallBooking.objects.filter(
            pk__in=[made.pk for made in requests], status="approved"
        )
        assert approved.count() == 1
        assert approved.get().case.status == "approved"


def test_the_constraint_alone_refuses_the_second_of_two_writers(bornova):
    """Without the hall's row lock (two raw updates at once), the exclusion constraint refuses
    the second: the database is the last line. PostgreSQL refuses it as an exclusion violation,
    or, when both check the constraint at the same instant, as a deadlock (its documentation
    says so of exclusion constraints under concurrent writers): either way one write fails
    and one booking is approved. (The service never meets the deadlock: it locks the hall's
    row first, so the second writer checks after the first has committed.)"""
    first = booking(bornova.hall, at(bornova.day, 12), at(bornova.day, 14))
    second = booking(bornova.hall, at(bornova.day, 14), at(bornova.day, 15))  # set-up overlaps

    def approve(made):
        return lambda: HallBooking.objects.filter(pk=made.pk).update(status="approved")

    errors = run_together([approve(first), approve(second)])
    assert len(errors) == 1, errors
    refused = errors[0]
    deadlock = getattr(refused.__cause__, "sqlstate", "") == "40P01"
    assert type(refused).__name__ == "IntegrityError" or deadlock, refused
    assert HallBooking.objects.filter(status="approved").count() == 1
