"""Registration through the site and the admin: the form (dates, guardian, questions, honeypot,
rate limit, clear refusals saving nothing), the resident's own page and its cancel button, and
the staff's list, exports, attendance list, check-in and closing, never another municipality's."""

import io

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext
from openpyxl import load_workbook

from municipium.core.ratelimit import (
    client_address,  # noqa: F401  (documents the key)
    limit_reset,
)
from municipium.events.models import EventRegistration
from municipium.events.registration import registration_submit
from municipium.events.registration_views import RATE_SCOPE

from .registration_world import (
    clerk,
    culture_unit,
    person,
    programme_pages,
    register_url,
    registered_event,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def bornova(municipality_factory):
    town = municipality_factory(slug="bornova", languages=["tr", "en"])
    town.programme = programme_pages(town)
    town.culture = culture_unit(town)
    town.host = "bornova.localhost"
    limit_reset(scope=RATE_SCOPE, key="127.0.0.1", seconds=3600)
    return town


@pytest.fixture
def workshop(bornova):
    return registered_event(
        bornova, unit=bornova.culture, capacity=1, audience="children", age_min=6, age_max=12
    )


def post(client, event, data, language="tr"):
    payload = {
        "occurrence": str(event.occurrences.first().pk),
        "name": "Deniz",
        "email": "anne@example.org",
        "phone": "0532 000 00 00",
        "age": "8",
        "guardian_name": "Ayşe Yılmaz",
        "guardian_contact": "0532 000 00 00",
        "website": "",
        **data,
    }
    return client.post(register_url(event, language), payload, HTTP_HOST="bornova.localhost")


def test_the_form_shows_dates_guardian_fields_and_the_honeypot_and_is_never_cached(
    client, workshop
):
    response = client.get(register_url(workshop, "tr"), HTTP_HOST="bornova.localhost")
    assert response.status_code == 200
    assert 'name="guardian_name"' in response.text and 'name="occurrence"' in response.text
    assert 'name="website"' in response.text and "csrfmiddlewaretoken" in response.text
    assert "no-store" in response["Cache-Control"]


def test_a_child_is_registered_with_a_guardian_and_sees_the_code(
    client, workshop, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, workshop, {})
    assert response.status_code == 302
    registration = EventRegistration.objects.get()
    assert registration.status == "confirmed" and registration.language == "tr"
    page = client.get(response["Location"], HTTP_HOST="bornova.localhost")
    assert page.status_code == 200 and registration.code in page.text
    assert "no-store" in page["Cache-Control"]
    assert len(mail.outbox) == 1 and registration.code in mail.outbox[0].body
    assert response["Location"].split("?")[0] in mail.outbox[0].body  # the link with the token


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"guardian_name": "", "guardian_contact": ""}, "guardian_name"),
        ({"email": "anne-at-example"}, "email"),
        ({"name": ""}, "name"),
        ({"age": "15"}, "age"),
        ({"occurrence": ""}, "occurrence"),
    ],
)
def test_bad_input_is_refused_with_a_message_in_turkish_and_nothing_saved(
    client, workshop, data, field
):
    response = post(client, workshop, data)
    assert response.status_code == 400
    assert "Nothing was saved" not in response.text  # translated into Turkish
    assert f'id="id_{field}_error"' in response.text or "errorlist" in response.text
    assert not EventRegistration.objects.exists() and not mail.outbox


def test_a_full_event_without_waiting_list_is_refused_clearly(client, bornova):
    event = registered_event(bornova, unit=bornova.culture, capacity=1, keeps_waiting_list=False)
    registration_submit(
        event=event, occurrence=event.occurrences.first(), data=person(1), language="tr"
    )
    response = post(client, event, {})
    assert response.status_code == 400
    assert EventRegistration.objects.count() == 1


def test_the_honeypot_and_the_rate_limit_refuse(client, workshop, settings):
    assert post(client, workshop, {"website": "http://spam"}).status_code == 400
    settings.MUNICIPIUM_REGISTRATION_RATE_LIMIT = 1
    assert post(client, workshop, {}).status_code == 302
    assert post(client, workshop, {"name": "Ece"}).status_code == 429
    assert EventRegistration.objects.count() == 1


def test_the_resident_cancels_on_their_page_and_the_next_moves_up(
    client, workshop, django_capture_on_commit_callbacks
):
    occurrence = workshop.occurrences.first()
    child = {"age": "8", "guardian_name": "Anne", "guardian_contact": "0532"}
    first = registration_submit(
        event=workshop, occurrence=occurrence, data=person(1, **child), language="tr"
    )
    second = registration_submit(
        event=workshop, occurrence=occurrence, data=person(2, **child), language="tr"
    )
    url = f"/tr/etkinlikler/registrations/{first.registration.code}/{first.token}/"
    assert (
        client.get(url.replace(first.token, "wrong"), HTTP_HOST="bornova.localhost").status_code
        == 404
    )
    assert client.post(url, {}, HTTP_HOST="bornova.localhost").status_code == 400  # unconfirmed
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"confirm": "yes"}, HTTP_HOST="bornova.localhost")
    assert response.status_code == 302
    second.registration.refresh_from_db()
    assert second.registration.status == "confirmed"
    assert any(m.to == ["kisi2@example.org"] for m in mail.outbox)


@pytest.fixture
def staff_world(bornova, workshop, municipality_factory):
    registration_submit(
        event=workshop,
        occurrence=workshop.occurrences.first(),
        data=person(1, age="8", guardian_name="Anne", guardian_contact="=HYPERLINK(1)"),
        language="tr",
    )
    sisli = municipality_factory(slug="sisli", languages=["tr", "en"])
    theirs = registered_event(sisli, unit=culture_unit(sisli))
    registration_submit(
        event=theirs, occurrence=theirs.occurrences.first(), data=person(9), language="tr"
    )
    return {
        "clerk": clerk(bornova, bornova.culture),
        "sibling": clerk(bornova, culture_unit(bornova, "zabita"), "clerk-zabita"),
        "stranger": clerk(sisli, theirs.unit, "clerk-sisli"),
        "theirs": theirs,
    }


def test_staff_list_exports_and_attendance_list(client, workshop, staff_world):
    client.force_login(staff_world["clerk"])
    base = f"/admin/registrations/{workshop.pk}/"
    listing = client.get(base, HTTP_HOST="bornova.localhost")
    assert listing.status_code == 200 and "Kişi 1" in listing.text
    with translation.override("tr"):  # the clerk's admin is in Bornova's Turkish
        assert gettext("Check-in code") in listing.text
    assert (
        client.get(base + "?status=waiting", HTTP_HOST="bornova.localhost").text.count("Kişi 1")
        == 0
    )
    csv_text = client.get(base + "export.csv", HTTP_HOST="bornova.localhost").content.decode()
    assert "Kişi 1" in csv_text and "'=HYPERLINK(1)" in csv_text
    xlsx = client.get(base + "export.xlsx", HTTP_HOST="bornova.localhost")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [row[4] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Kişi 1"]
    printable = client.get(base + "attendance/", HTTP_HOST="bornova.localhost")
    assert printable.status_code == 200 and "attendance-print.css" in printable.text


def test_staff_check_in_by_code_and_close_with_a_report(client, workshop, staff_world):
    client.force_login(staff_world["clerk"])
    registration = EventRegistration.objects.get(event=workshop)
    base = f"/admin/registrations/{workshop.pk}/"
    client.post(
        base + "check-in/", {"code": registration.code.lower()}, HTTP_HOST="bornova.localhost"
    )
    registration.refresh_from_db()
    assert registration.status == "attended"
    response = client.post(
        base + "close/", {"attendance": "1", "text_tr": "Güzeldi."}, HTTP_HOST="bornova.localhost"
    )
    assert response.status_code == 302 and workshop.report.attendance == 1


def test_another_unit_or_municipality_sees_no_registration(client, workshop, staff_world):
    theirs = staff_world["theirs"]
    for user, event in (
        (staff_world["stranger"], workshop),
        (staff_world["sibling"], workshop),
        (staff_world["clerk"], theirs),
    ):
        client.force_login(user)
        base = f"/admin/registrations/{event.pk}/"
        for rest in ("", "export.csv", "export.xlsx", "attendance/"):
            assert client.get(base + rest, HTTP_HOST="bornova.localhost").status_code == 404
        assert client.post(base + "check-in/", {"code": "AAAAAAAA"}).status_code == 404
        one = EventRegistration.objects.filter(event=event).first()
        assert client.post(f"{base}{one.pk}/cancel/").status_code == 404
    assert EventRegistration.objects.filter(status="cancelled").count() == 0
