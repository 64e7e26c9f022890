"""The staff's side of school-class bookings in the admin: the list and its filters, approve /
decline with a reason / cancel, the letter, the teacher's contact for the unit only, and
another municipality's or another unit's booking answering 404."""

import pytest
from django.urls import reverse

from municipium.events.schools import class_booking_approve, class_booking_submit
from municipium.organisation.models import Unit
from municipium.organisation.tests.factories import staff_user, unit

from .schools_world import class_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def booking(bornova):
    return class_booking_submit(occurrence=bornova.session, data=class_data(), language="tr")


def _client(client, bornova, user):
    client.force_login(user)
    return client


def test_the_list_shows_the_units_bookings_and_filters_by_status(client, bornova, booking):
    staff = _client(client, bornova, bornova.clerk)
    url = reverse("events_school_bookings")
    listed = staff.get(url, HTTP_HOST=bornova.host)
    assert listed.status_code == 200
    assert booking.case.reference in listed.content.decode()
    approved_only = staff.get(url, {"status": "approved"}, HTTP_HOST=bornova.host)
    assert booking.case.reference not in approved_only.content.decode()


def test_a_clerk_approves_and_downloads_the_letter(client, bornova, booking):
    staff = _client(client, bornova, bornova.clerk)
    response = staff.post(
        reverse("events_school_approve", args=[booking.pk]), HTTP_HOST=bornova.host
    )
    assert response.status_code == 302
    booking.case.refresh_from_db()
    assert booking.case.status == "approved"
    letter = staff.get(
        reverse("events_school_booking_letter", args=[booking.pk]), HTTP_HOST=bornova.host
    )
    assert letter.status_code == 200
    assert letter["Content-Type"] == "application/pdf"
    assert letter.content.startswith(b"%PDF")


def test_a_decline_without_a_reason_is_refused_and_with_one_done(client, bornova, booking):
    staff = _client(client, bornova, bornova.clerk)
    url = reverse("events_school_decline", args=[booking.pk])
    staff.post(url, {"reason": ""}, HTTP_HOST=bornova.host)
    booking.case.refresh_from_db()
    assert booking.case.status == "requested"
    staff.post(url, {"reason": "Oturum dolu."}, HTTP_HOST=bornova.host)
    booking.case.refresh_from_db()
    assert booking.case.status == "declined"


def test_cancel_gives_the_places_back(client, bornova, booking):
    class_booking_approve(booking=booking, by=bornova.clerk)
    staff = _client(client, bornova, bornova.clerk)
    staff.post(reverse("events_school_cancel", args=[booking.pk]), HTTP_HOST=bornova.host)
    booking.case.refresh_from_db()
    assert booking.case.status == "cancelled"


def test_another_units_staff_and_another_municipalitys_get_404(client, bornova, sisli, booking):
    for user in (bornova.outsider, sisli.clerk):
        other = _client(client, bornova, user)
        for name in ("events_school_booking", "events_school_booking_letter"):
            url = reverse(name, args=[booking.pk])
            assert other.get(url, HTTP_HOST=bornova.host).status_code == 404
        url = reverse("events_school_approve", args=[booking.pk])
        assert other.post(url, HTTP_HOST=bornova.host).status_code == 404
    booking.case.refresh_from_db()
    assert booking.case.status == "requested"


def test_the_teachers_contact_is_shown_to_the_unit_not_to_the_call_centre(client, bornova, booking):
    call_centre = unit(bornova.municipality, "153", kind=Unit.Kind.CALL_CENTRE)
    operator = staff_user(bornova.municipality, "operator", unit=call_centre)
    url = reverse("events_school_booking", args=[booking.pk])
    unit_page = _client(client, bornova, bornova.clerk).get(url, HTTP_HOST=bornova.host)
    assert "elif@example.org" in unit_page.content.decode()
    operator_page = _client(client, bornova, operator).get(url, HTTP_HOST=bornova.host)
    assert operator_page.status_code == 200
    assert "elif@example.org" not in operator_page.content.decode()
