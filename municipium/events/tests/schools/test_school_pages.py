"""The teacher's side over HTTP: the list of sessions, the booking form (bad input, the
honeypot, the rate limit), the thank-you and tracking page, and that none is cached."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from municipium.events.models import ClassBooking
from municipium.events.schools import class_booking_approve, class_booking_submit

from .schools_world import class_data

pytestmark = pytest.mark.django_db


def _form_url(bornova, language="tr", occurrence=None):
    occurrence = occurrence or bornova.session
    return bornova.url(language, f"school-classes/{occurrence.pk}/")


def test_the_list_shows_upcoming_class_sessions_with_places_left(client, bornova):
    booking = class_booking_submit(
        occurrence=bornova.session, data=class_data(pupils=20, escorts=2), language="tr"
    )
    class_booking_approve(booking=booking, by=bornova.clerk)
    response = client.get(bornova.url("tr", "school-classes/"), HTTP_HOST=bornova.host)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Robot atölyesi (tr)" in body and "18" in body
    assert "no-store" in response["Cache-Control"]
    assert bornova.talk.texts.get(language="tr").title not in body


def test_a_teacher_books_and_follows_the_booking_with_its_token(client, bornova):
    response = client.post(_form_url(bornova), class_data(), HTTP_HOST=bornova.host)
    booking = ClassBooking.objects.get()
    case = booking.case
    assert response.status_code == 302
    assert f"school-classes/track/{case.reference}/{case.tracking_token}/" in response["Location"]
    page = client.get(response["Location"], HTTP_HOST=bornova.host)
    assert page.status_code == 200
    assert case.reference in page.content.decode()
    assert "no-store" in page["Cache-Control"]
    wrong = client.get(
        bornova.url("tr", f"school-classes/track/{case.reference}/nope/"), HTTP_HOST=bornova.host
    )
    assert wrong.status_code == 404


def test_the_form_is_not_cached_and_carries_a_csrf_token(client, bornova):
    response = client.get(_form_url(bornova), HTTP_HOST=bornova.host)
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_too_many_pupils_for_the_places_left_is_refused_in_turkish(client, bornova):
    response = client.post(
        _form_url(bornova), class_data(pupils=45, escorts=3), HTTP_HOST=bornova.host
    )
    assert response.status_code == 400
    assert "yer" in response.content.decode() or "places" in response.content.decode()
    assert not ClassBooking.objects.exists()


def test_missing_and_malformed_fields_are_refused_and_nothing_is_saved(client, bornova):
    response = client.post(
        _form_url(bornova, "en"),
        class_data(teacher_email="nope", school_name="", pupils="many"),
        HTTP_HOST=bornova.host,
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Nothing was saved yet" in body
    assert not ClassBooking.objects.exists()


def test_a_past_session_or_another_municipalitys_is_not_found(client, bornova, sisli):
    bornova.session.starts_at = timezone.now() - datetime.timedelta(hours=2)
    bornova.session.save()
    assert client.get(_form_url(bornova), HTTP_HOST=bornova.host).status_code == 404
    other = _form_url(bornova, occurrence=sisli.session)
    assert client.post(other, class_data(), HTTP_HOST=bornova.host).status_code == 404
    assert not ClassBooking.objects.exists()


def test_the_honeypot_refuses_a_robot(client, bornova):
    response = client.post(
        _form_url(bornova), class_data(website="http://spam"), HTTP_HOST=bornova.host
    )
    assert response.status_code == 400
    assert not ClassBooking.objects.exists()


@override_settings(MUNICIPIUM_DESK_RATE_LIMIT=1)
def test_the_rate_limit_refuses_a_second_booking_from_one_address(client, bornova):
    assert client.post(_form_url(bornova), class_data(), HTTP_HOST=bornova.host).status_code == 302
    second = client.post(_form_url(bornova), class_data(grade="9-C"), HTTP_HOST=bornova.host)
    assert second.status_code == 429
    assert ClassBooking.objects.count() == 1
