"""The public side over HTTP: the catalogue, a hall's page with its availability (booked
times, never who booked), the request form (CSRF, not cached, honeypot, rate limit) and the
tracking page."""

import datetime
import re

import pytest
from django.test import Client

from municipium.halls.models import HallBooking
from municipium.halls.services import booking_approve

from .factories import at, booking

pytestmark = pytest.mark.django_db


def _form(day, starts="18:00", ends="20:00", **fields):
    return {
        "day": day.isoformat(),
        "starts": starts,
        "ends": ends,
        "purpose": "Şiir dinletisi",
        "audience": "80",
        "requester": "association",
        "organisation": "Bornova Kent Konseyi",
        "name": "Ayşe Yılmaz",
        "email": "ayse@example.org",
        "phone": "",
        "website": "",
        **fields,
    }


def test_the_catalogue_lists_the_municipalitys_halls_only(site, sisli):
    response = Client().get(site.url("tr"), HTTP_HOST=site.host)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Salon buyuk-salon" in body and f"{site.url('tr')}buyuk-salon/" in body
    other = Client().get(site.url("tr") + f"{sisli.hall.slug}-x/", HTTP_HOST=site.host)
    assert other.status_code == 404


def test_another_municipalitys_hall_is_not_found_on_this_site(site, sisli):
    sisli.hall.slug = "sisli-salonu"
    sisli.hall.save()
    response = Client().get(site.url("tr", "sisli-salonu/"), HTTP_HOST=site.host)
    assert response.status_code == 404


def test_the_availability_shows_booked_times_without_personal_data(site):
    made = booking(site.hall, at(site.day, 18), at(site.day, 20), name="Gizli Kişi")
    booking_approve(booking=made, by=site.clerk)
    response = Client().get(
        site.url("tr", f"buyuk-salon/?from={site.day.isoformat()}"), HTTP_HOST=site.host
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "17:30–20:30" in body  # with set-up and clearing
    assert "Gizli" not in body and "ayse@example.org" not in body and "Şiir" not in body


def test_a_request_through_the_form_leads_to_its_tracking_page(site):
    client = Client(enforce_csrf_checks=True)
    form = client.get(site.url("tr", "buyuk-salon/request/"), HTTP_HOST=site.host)
    assert form.status_code == 200 and "no-store" in form["Cache-Control"]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.content.decode())[1]
    response = client.post(
        site.url("tr", "buyuk-salon/request/"),
        _form(site.day, csrfmiddlewaretoken=token),
        HTTP_HOST=site.host,
    )
    assert response.status_code == 302
    made = HallBooking.objects.get()
    assert made.starts_at == at(site.day, 18) and made.case.language == "tr"
    tracking = client.get(response["Location"], HTTP_HOST=site.host)
    assert tracking.status_code == 200 and "no-store" in tracking["Cache-Control"]
    assert made.case.reference in tracking.content.decode()
    assert 'data-status="requested"' in tracking.content.decode()


def test_the_form_without_the_csrf_token_is_refused(site):
    response = Client(enforce_csrf_checks=True).post(
        site.url("tr", "buyuk-salon/request/"), _form(site.day), HTTP_HOST=site.host
    )
    assert response.status_code == 403
    assert not HallBooking.objects.exists()


@pytest.mark.parametrize(
    ("when", "starts", "ends", "message"),
    [
        ("past", "18:00", "20:00", "This time has passed"),
        ("later", "06:00", "08:00", "not open at that time"),
        ("later", "20:00", "18:00", "end after it starts"),
    ],
)
def test_bad_times_are_answered_with_clear_messages_and_nothing_saved(
    site, when, starts, ends, message
):
    day = site.day if when == "later" else datetime.date.today() - datetime.timedelta(days=3)
    response = Client().post(
        site.url("en", "buyuk-salon/request/"), _form(day, starts, ends), HTTP_HOST=site.host
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not HallBooking.objects.exists()


def test_a_taken_time_is_refused_on_the_form_unless_the_waiting_list_is_asked_for(site):
    booking_approve(booking=booking(site.hall, at(site.day, 18), at(site.day, 20)), by=site.clerk)
    url = site.url("en", "buyuk-salon/request/")
    refused = Client().post(url, _form(site.day, "19:00", "21:00"), HTTP_HOST=site.host)
    assert refused.status_code == 400 and "already booked" in refused.content.decode()
    assert HallBooking.objects.count() == 1
    waiting = Client().post(
        url, _form(site.day, "19:00", "21:00", waiting_list="on"), HTTP_HOST=site.host
    )
    assert waiting.status_code == 302
    assert HallBooking.objects.filter(status="waiting").count() == 1


def test_the_honeypot_refuses_a_robot(site):
    response = Client().post(
        site.url("en", "buyuk-salon/request/"),
        _form(site.day, website="http://spam.example"),
        HTTP_HOST=site.host,
    )
    assert response.status_code == 400 and not HallBooking.objects.exists()


def test_too_many_requests_from_one_address_are_refused(site, settings):
    settings.MUNICIPIUM_DESK_RATE_LIMIT = 1
    url = site.url("en", "buyuk-salon/request/")
    assert Client().post(url, _form(site.day), HTTP_HOST=site.host).status_code == 302
    second = Client().post(url, _form(site.day, "12:00", "13:00"), HTTP_HOST=site.host)
    assert second.status_code == 429 and HallBooking.objects.count() == 1


def test_a_wrong_token_finds_nothing_and_the_requester_may_withdraw(site):
    made = booking(site.hall, at(site.day, 18), at(site.day, 20))
    page = site.pages["tr"]
    wrong = page.url + page.reverse_subpage("track", args=[made.case.reference, "x" * 32])
    assert Client().get(wrong, HTTP_HOST=site.host).status_code == 404
    track = page.url + page.reverse_subpage(
        "track", args=[made.case.reference, made.case.tracking_token]
    )
    response = Client().post(track + "withdraw/", HTTP_HOST=site.host)
    assert response.status_code == 302
    made.refresh_from_db()
    assert made.status == "cancelled"


def test_an_offered_slot_is_accepted_on_the_tracking_page(site):
    taken = booking(site.hall, at(site.day, 18), at(site.day, 20))
    booking_approve(booking=taken, by=site.clerk)
    waiting = booking(site.hall, at(site.day, 18), at(site.day, 19), waiting_list=True)
    from municipium.halls.services import booking_cancel

    booking_cancel(booking=taken, by=site.clerk, reason="Bakım")
    page = site.pages["tr"]
    track = page.url + page.reverse_subpage(
        "track", args=[waiting.case.reference, waiting.case.tracking_token]
    )
    shown = Client().get(track, HTTP_HOST=site.host).content.decode()
    assert 'data-status="offered"' in shown and "accept/" in shown
    assert Client().post(track + "accept/", HTTP_HOST=site.host).status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == "approved"
