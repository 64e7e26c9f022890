"""The staff's side over HTTP: the bookings list, a booking's actions, a hall's calendar and
the halls' admin; another municipality's (or unit's) hall or booking is a 404, never listed
or offered in a chooser."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.users.models import UserProfile

from municipium.culture.tests.factories import venue
from municipium.halls.models import HallBooking
from municipium.organisation.tests.factories import staff_user, unit

from .factories import at, booking

pytestmark = pytest.mark.django_db


def _hall_rights(user):
    from django.contrib.auth.models import Permission

    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="halls", codename__endswith="_hall")
    )


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_clerk_lists_approves_and_sees_the_calendar(site, django_capture_on_commit_callbacks):
    made = booking(site.hall, at(site.day, 18), at(site.day, 20), organisation="Kent Konseyi")
    client = _client(site.clerk)
    listing = client.get(reverse("halls_booking_index"), HTTP_HOST=site.host)
    assert listing.status_code == 200 and made.case.reference in listing.content.decode()
    detail = client.get(reverse("halls_booking_detail", args=[made.pk]), HTTP_HOST=site.host)
    assert detail.status_code == 200 and "ayse@example.org" in detail.content.decode()
    with translation.override("tr"):  # the clerk's admin is in Bornova's Turkish
        blocked = gettext(
            "The hall is blocked from %(blocked_from)s to %(blocked_until)s, set-up and "
            "clearing time included."
        )
    for words in re.split(r"%\(\w+\)s", blocked):  # the sentence around the two times
        assert words.strip() in detail.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("halls_booking_action", args=[made.pk, "approve"]), HTTP_HOST=site.host
        )
    assert response.status_code == 302
    made.refresh_from_db()
    assert made.status == "approved"
    calendar = client.get(
        reverse("halls_hall_calendar", args=[site.hall.pk]) + f"?from={site.day.isoformat()}",
        HTTP_HOST=site.host,
    )
    assert calendar.status_code == 200 and made.case.reference in calendar.content.decode()


def test_a_clash_is_refused_with_a_message_in_the_admin(site):
    first = booking(site.hall, at(site.day, 18), at(site.day, 20))
    second = booking(site.hall, at(site.day, 19), at(site.day, 21))
    profile = UserProfile.get_for_user(site.clerk)
    profile.preferred_language = (
        "en"  # the message read in English (Bornova's Turkish translates it)
    )
    profile.save()
    client = _client(site.clerk)
    client.post(reverse("halls_booking_action", args=[first.pk, "approve"]), HTTP_HOST=site.host)
    response = client.post(
        reverse("halls_booking_action", args=[second.pk, "approve"]),
        HTTP_HOST=site.host,
        follow=True,
    )
    assert "already booked" in response.content.decode()
    second.refresh_from_db()
    assert second.status == "requested"


def test_a_decline_without_a_reason_is_refused_and_with_one_is_kept(site):
    made = booking(site.hall, at(site.day, 18), at(site.day, 20))
    client = _client(site.clerk)
    url = reverse("halls_booking_action", args=[made.pk, "decline"])
    client.post(url, {"reason": ""}, HTTP_HOST=site.host)
    made.refresh_from_db()
    assert made.status == "requested"
    client.post(url, {"reason": "Tadilat"}, HTTP_HOST=site.host)
    made.refresh_from_db()
    assert made.status == "declined" and made.case.entries.filter(body="Tadilat").exists()


def test_another_municipalitys_booking_and_hall_are_404_and_never_listed(site, sisli):
    theirs = booking(sisli.hall, at(sisli.day, 18), at(sisli.day, 20))
    _hall_rights(site.clerk)
    client = _client(site.clerk)
    for url in (
        reverse("halls_booking_detail", args=[theirs.pk]),
        reverse("halls_hall_calendar", args=[sisli.hall.pk]),
        reverse("halls:edit", args=[sisli.hall.pk]),
    ):
        assert client.get(url, HTTP_HOST=site.host).status_code == 404, url
    response = client.post(
        reverse("halls_booking_action", args=[theirs.pk, "approve"]), HTTP_HOST=site.host
    )
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == "requested"
    listing = client.get(reverse("halls_booking_index"), HTTP_HOST=site.host).content.decode()
    assert theirs.case.reference not in listing and "sisli" not in listing
    halls = client.get(reverse("halls:index"), HTTP_HOST=site.host).content.decode()
    assert "Salon buyuk-salon" in halls or "Hall buyuk-salon" in halls
    assert reverse("halls:edit", args=[sisli.hall.pk]) not in halls


def test_another_units_clerk_does_not_see_the_booking(site):
    other_unit = unit(site.municipality, "parks")
    other_clerk = staff_user(site.municipality, "parks-clerk", unit=other_unit)
    made = booking(site.hall, at(site.day, 18), at(site.day, 20))
    client = _client(other_clerk)
    url = reverse("halls_booking_detail", args=[made.pk])
    assert client.get(url, HTTP_HOST=site.host).status_code == 404
    listing = client.get(reverse("halls_booking_index"), HTTP_HOST=site.host).content.decode()
    assert made.case.reference not in listing


def test_the_hall_form_offers_only_the_municipalitys_venues_and_units(site, sisli):
    venue(sisli.municipality, "Şişli Kültür Merkezi")
    _hall_rights(site.clerk)
    client = _client(site.clerk)
    response = client.get(reverse("halls:edit", args=[site.hall.pk]), HTTP_HOST=site.host)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Venue buyuk-salon" in body and "Şişli Kültür Merkezi" not in body
    assert HallBooking.objects.count() == 0
