"""What the parts of the programme show on an event's page together: places and the way to
register, the closing report, partners linked to the partners' directory; what a change of a
date does to the people registered for it; and the page cache purged when what the page says
of its places changes."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import pgettext

from municipium.core.pages import page_ensure
from municipium.culture.pages import PartnersPage
from municipium.events.models import EventRegistration, Occurrence, Status
from municipium.events.registration import event_close, registration_submit
from municipium.events.services import event_save, occurrence_change, occurrence_delete
from municipium.organisation.tests.factories import staff_user

from .programme_world import Programme
from .registration_world import person

pytestmark = pytest.mark.django_db


@pytest.fixture
def bornova(municipality_factory):
    return Programme(municipality_factory(slug="bornova", names={"tr": "Bornova Belediyesi"}))


@pytest.fixture
def clerk(bornova):
    return staff_user(bornova.municipality, "clerk", unit=bornova.culture)


def in_partnership_with() -> str:
    """The words that introduce an event's partners, as Bornova's Turkish page writes them."""
    with translation.override("tr"):
        return pgettext("partners of an event", "In partnership with")


def soon(days=5, hour=15):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=datetime.UTC)


def workshop(bornova, *, capacity, **fields):
    return bornova.event(
        starts_at=soon(), type_code="workshop", registration="occurrence", capacity=capacity,
        titles={"tr": "Seramik atölyesi", "en": "Pottery workshop"}, **fields,
    )  # fmt: skip


def page(client, bornova, made, language="tr"):
    response = client.get(bornova.event_url(made, language), HTTP_HOST=bornova.host)
    assert response.status_code == 200
    return response


def register(made, number):
    return registration_submit(
        event=made, occurrence=made.occurrences.get(), data=person(number), language="tr"
    )


def test_the_page_offers_registration_and_says_how_many_places_are_left_when_few(client, bornova):
    few = workshop(bornova, capacity=3)
    register(few, 1)
    text = page(client, bornova, few).content.decode()
    assert "/register/" in text
    assert "2 yer kaldı" in text or "2 places left" in text

    many = workshop(bornova, capacity=40)
    text = page(client, bornova, many).content.decode()
    assert "/register/" in text
    assert "places left" not in text and "yer kaldı" not in text


def test_a_full_event_offers_the_waiting_list(client, bornova):
    full = workshop(bornova, capacity=1)
    register(full, 1)
    text = page(client, bornova, full, "en").content.decode()
    assert "Join the waiting list" in text


def test_the_cache_is_purged_when_the_places_shown_change_and_kept_when_not(
    client, bornova, django_capture_on_commit_callbacks
):
    made = workshop(bornova, capacity=12)
    assert page(client, bornova, made)["X-Page-Cache"] == "miss"
    assert page(client, bornova, made)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        register(made, 1)  # 12 -> 11 left: still "places available"
    assert page(client, bornova, made)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        register(made, 2)  # 11 -> 10 left: now the page counts them
    assert page(client, bornova, made)["X-Page-Cache"] == "miss"


def test_a_closed_event_shows_its_report_and_no_registration(
    client, bornova, clerk, django_capture_on_commit_callbacks
):
    made = workshop(bornova, capacity=10)
    with django_capture_on_commit_callbacks(execute=True):
        event_close(
            event=made, by=clerk, attendance=17, texts={"tr": "Çocuklar vazolarını yaptı."},
            partners=[bornova.university],
        )  # fmt: skip
    text = page(client, bornova, made).content.decode()
    assert "Çocuklar vazolarını yaptı." in text
    assert "17" in text
    assert f"{in_partnership_with()}: {bornova.university.name}" in text
    assert "/register/" not in text


def test_partners_link_to_the_partners_directory_when_the_site_has_one(client, bornova):
    made = workshop(bornova, capacity=10)
    made.partners.add(bornova.university)
    made.save()  # a parental many-to-many is written with its owner
    text = page(client, bornova, made).content.decode()
    assert "https://ege.edu.tr/" in text  # no directory yet: the partner's own website
    assert f"<dt>{in_partnership_with()}</dt>" in text

    directory = page_ensure(
        parent=bornova.municipality.homes["tr"], page_class=PartnersPage, slug="paydaslar",
        language="tr", title="Paydaşlarımız",
    )  # fmt: skip
    directory.save_revision().publish()
    text = client.get(
        bornova.event_url(made, "tr"), HTTP_HOST=bornova.host, HTTP_CACHE_CONTROL="no-cache"
    ).content.decode()
    assert f"/tr/paydaslar/#partner-{bornova.university.pk}" in text


def test_the_partners_directory_lists_a_partners_coming_events(client, bornova):
    made = workshop(bornova, capacity=10)
    made.partners.add(bornova.university)
    made.save()  # a parental many-to-many is written with its owner
    directory = page_ensure(
        parent=bornova.municipality.homes["tr"], page_class=PartnersPage, slug="paydaslar",
        language="tr", title="Paydaşlarımız",
    )  # fmt: skip
    directory.save_revision().publish()
    text = client.get("/tr/paydaslar/", HTTP_HOST=bornova.host).content.decode()
    assert "Seramik atölyesi" in text
    assert bornova.event_url(made, "tr") in text


def test_registrants_are_told_when_their_date_is_cancelled_or_moved(
    bornova, clerk, django_capture_on_commit_callbacks
):
    made = workshop(bornova, capacity=10)
    register(made, 1)
    date = made.occurrences.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        occurrence_change(
            occurrence=date,
            by=clerk,
            starts_at=date.starts_at + datetime.timedelta(hours=1),
            ends_at=date.ends_at + datetime.timedelta(hours=1),
        )
    with django_capture_on_commit_callbacks(execute=True):
        occurrence_change(
            occurrence=Occurrence.objects.get(pk=date.pk), by=clerk, status=Status.CANCELLED
        )
    assert [message.to for message in mail.outbox] == [["kisi1@example.org"]] * 2


def test_a_date_people_registered_for_is_never_deleted(bornova, clerk):
    made = bornova.weekly(starts_at=bornova.local(2030, 3, 5, 18, 0), weeks=3)
    made.registration, made.capacity = "occurrence", 5
    made.save()
    first = made.occurrences.order_by("starts_at").first()
    registration_submit(event=made, occurrence=first, data=person(1), language="tr")

    with pytest.raises(ValidationError):
        occurrence_delete(occurrence=first, by=clerk)

    # A new rule that leaves the date out cancels it (and keeps the registration).
    made.recurrence = "FREQ=WEEKLY;COUNT=2"
    made.starts_at = made.starts_at + datetime.timedelta(days=7)
    made.ends_at = made.ends_at + datetime.timedelta(days=7)
    event_save(event=made, by=clerk)
    first.refresh_from_db()
    assert first.status == Status.CANCELLED
    assert EventRegistration.objects.filter(occurrence=first).count() == 1


def test_the_registration_form_sends_the_resident_to_their_page_on_this_server(
    client, bornova, municipality_factory
):
    """The address after registering keeps the host and port the resident used (with several
    sites, Wagtail's ``page.url`` is absolute, on the site's configured port: it sent browsers
    to another server)."""
    municipality_factory(slug="sisli")
    made = workshop(bornova, capacity=10)
    url = bornova.event_url(made, "tr") + "register/"
    data = {"occurrence": made.occurrences.get().pk, **person(3)}
    response = client.post(url, data, HTTP_HOST=f"{bornova.host}:8123")
    assert response.status_code == 302
    assert response["Location"].startswith("/tr/etkinlikler/registrations/")
