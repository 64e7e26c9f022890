"""Fifty people register at once for ten places: real threads, each with its own database
connection. On PostgreSQL the slot's row is locked (``SELECT … FOR UPDATE``); on SQLite each
transaction begins ``IMMEDIATE`` and writers wait their turn (shown by the bench on a file,
see below). Either way exactly ten are
confirmed and forty wait, numbered 1 to 40, and a cancellation moves the first up."""

import pytest
from django.core import mail
from django.db import connection

from municipium.core.testing import run_together
from municipium.events.models import EventRegistration
from municipium.events.registration import registration_cancel, registration_submit, waiting_rank

from .registration_world import culture_unit, person, registered_event

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    # SQLite's test database is in memory with a shared cache, whose table locks ignore the
    # busy timeout ("database table is locked"): the threads run on PostgreSQL here, and on a
    # SQLite file through gunicorn in bench/registration.py.
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs concurrent writers: PostgreSQL"
    ),
]

PEOPLE, PLACES = 50, 10


def test_fifty_at_once_for_ten_places_then_a_cancellation_moves_the_first_up(
    municipality_factory,
):
    bornova = municipality_factory(slug="bornova", languages=["tr", "en"])
    event = registered_event(bornova, unit=culture_unit(bornova), capacity=PLACES)
    occurrence = event.occurrences.get()

    def registrant(number):
        return lambda: registration_submit(
            event=event, occurrence=occurrence, data=person(number), language="tr"
        )

    errors = run_together([registrant(number) for number in range(PEOPLE)], timeout=300)
    assert not errors, errors[:3]

    rows = EventRegistration.objects.filter(event=event)
    confirmed = rows.filter(status="confirmed")
    waiting = rows.filter(status="waiting").order_by("position")
    assert confirmed.count() == PLACES
    assert sorted(confirmed.values_list("position", flat=True)) == list(range(1, PLACES + 1))
    assert list(waiting.values_list("position", flat=True)) == list(range(1, PEOPLE - PLACES + 1))
    assert len(set(rows.values_list("code", flat=True))) == PEOPLE
    assert len(mail.outbox) == PEOPLE  # confirmations and waiting-list places, on commit

    first_waiting = waiting.first()
    mail.outbox.clear()
    moved = registration_cancel(registration=confirmed.first())
    assert [registration.pk for registration in moved] == [first_waiting.pk]
    first_waiting.refresh_from_db()
    assert first_waiting.status == "confirmed"
    assert rows.filter(status="confirmed").count() == PLACES
    assert waiting_rank(waiting.first()) == 1 and waiting.count() == PEOPLE - PLACES - 1
    assert first_waiting.email in {message.to[0] for message in mail.outbox}


def test_concurrent_cancellations_never_give_a_place_twice(municipality_factory):
    bornova = municipality_factory(slug="bornova", languages=["tr", "en"])
    event = registered_event(bornova, unit=culture_unit(bornova), capacity=3)
    occurrence = event.occurrences.get()
    made = [
        registration_submit(event=event, occurrence=occurrence, data=person(n), language="tr")
        for n in range(10)
    ]
    confirmed = [m.registration for m in made[:3]]
    assert not run_together([lambda r=r: registration_cancel(registration=r) for r in confirmed])
    rows = EventRegistration.objects.filter(event=event)
    assert rows.filter(status="confirmed").count() == 3
    assert set(rows.filter(status="confirmed").values_list("pk", flat=True)) == {
        m.registration.pk for m in made[3:6]
    }
