"""The programme page's routes through the test client: the list and its filters, the month
calendar in the site's calendar, an event's page, and the page cache."""

import datetime
import json
import re
from urllib.parse import quote

import pytest
from django.utils import timezone

from municipium.culture.choices import Audience
from municipium.events.models import EventText, Status
from municipium.events.services import event_save
from municipium.organisation.tests.factories import staff_user

from .programme_world import BORNOVA, BUMEHEN, Programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def bornova(municipality_factory):
    return Programme(municipality_factory(**BORNOVA))


@pytest.fixture
def bumehen(municipality_factory):
    return Programme(municipality_factory(**BUMEHEN))


@pytest.fixture
def rudziniec(municipality_factory):
    municipality = municipality_factory(
        slug="rudziniec", country="PL", languages=["pl", "en"], time_zone="Europe/Warsaw",
        names={"pl": "Gmina Rudziniec"},
    )  # fmt: skip
    return Programme(municipality)


def soon(days=3, hour=18):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=datetime.UTC)


def visible(html: str) -> str:
    """The page's text without its tags."""
    return re.sub(r"<[^>]+>", "", html)


def get(client, site, path, **extra):
    return client.get(path, HTTP_HOST=site.host, **extra)


def test_the_list_shows_upcoming_published_events_with_type_venue_and_audience(client, bornova):
    bornova.event(starts_at=soon(), titles={"tr": "Şiir akşamı", "en": "Poetry night"})
    bornova.event(starts_at=soon(), titles={"tr": "Taslak"}, is_published=False)
    bornova.event(starts_at=soon(days=-5), titles={"tr": "Geçmiş söyleşi"})

    response = get(client, bornova, bornova.url("tr"))

    assert response.status_code == 200
    text = response.content.decode()
    assert "Şiir akşamı" in text
    assert "Söyleşi" in text  # the type's Turkish name
    assert "Culture centre" in text
    assert "Taslak" not in text
    assert "Geçmiş söyleşi" not in text


def test_filters_narrow_by_type_audience_age_venue_price_and_dates(client, bornova):
    workshop = bornova.event(
        starts_at=soon(days=2), type_code="workshop", audience=Audience.CHILDREN,
        age_min=7, age_max=12, venue=bornova.park, titles={"tr": "Kukla atölyesi"},
    )  # fmt: skip
    bornova.event(
        starts_at=soon(days=4), type_code="concert", is_free=False, price="150",
        titles={"tr": "Oda müziği"},
    )  # fmt: skip
    bornova.event(
        starts_at=soon(days=20), type_code="workshop", audience=Audience.ADULTS, age_min=18,
        titles={"tr": "Seramik kursu"},
    )  # fmt: skip

    def titles(query):
        page = get(client, bornova, bornova.url("tr") + "?" + query).content.decode()
        return {t for t in ("Kukla atölyesi", "Oda müziği", "Seramik kursu") if t in page}

    assert titles("event_type=workshop") == {"Kukla atölyesi", "Seramik kursu"}
    assert titles("audience=children") == {"Kukla atölyesi"}
    assert titles("age=9") == {"Kukla atölyesi", "Oda müziği"}  # the concert has no range
    assert titles("age=30") == {"Oda müziği", "Seramik kursu"}
    assert titles(f"venue={bornova.park.pk}") == {"Kukla atölyesi"}
    assert titles("price=paid") == {"Oda müziği"}
    assert titles("price=free") == {"Kukla atölyesi", "Seramik kursu"}
    last = (workshop.starts_at + datetime.timedelta(days=3)).date().isoformat()
    assert titles(f"date_to={last}") == {"Kukla atölyesi", "Oda müziği"}
    assert titles("event_type=nonsense&age=abc") == {
        "Kukla atölyesi", "Oda müziği", "Seramik kursu"
    }  # fmt: skip


def test_the_list_links_to_the_feed_with_the_same_filters_and_a_webcal_address(client, bornova):
    bornova.event(starts_at=soon(), type_code="workshop")
    page = get(client, bornova, bornova.url("tr") + "?event_type=workshop").content.decode()
    assert f'href="{bornova.url("tr")}feed.ics?event_type=workshop"' in page
    assert f'href="webcal://{bornova.host}{bornova.url("tr")}feed.ics?event_type=workshop"' in page


def test_a_solar_hijri_month_starts_on_saturday_with_persian_days(client, bumehen):
    # 1 Dey 1404 is Monday 22 December 2025: two empty cells (Saturday, Sunday) before it.
    bumehen.event(
        starts_at=datetime.datetime(2025, 12, 24, 15, 0, tzinfo=datetime.UTC),
        titles={"fa": "شب یلدا", "en": "Yalda night"},
    )  # fmt: skip
    response = get(client, bumehen, bumehen.url("fa", "calendar/1404/10/"))

    assert response.status_code == 200
    text = response.content.decode()
    assert "دی ۱۴۰۴" in text
    headings = re.findall(r'<th scope="col"><abbr title="([^"]+)"', text)
    assert headings[0] == "شنبه" and headings[-1] == "جمعه"
    first_row = text.split("<tbody>")[1].split("</tr>")[0]
    cells = re.findall(r"<td class=\"month-grid__day[^\"]*\"", first_row)
    assert [("outside" in cell) for cell in cells] == [True, True] + [False] * 5
    assert '<span class="month-grid__number" aria-hidden="true">۱</span>' in first_row
    # 24 December is 3 Dey: the event sits on that day, in Persian digits.
    day_three = text.split('aria-hidden="true">۳</span>')[1].split("</td>")[0]
    assert "شب یلدا" in day_three
    assert "۳۰" in text and "۳۱" not in text.split("<tbody>")[1]  # Dey has 30 days
    assert quote(bumehen.url("fa", "calendar/1404/11/")) in text  # next: Bahman
    assert quote(bumehen.url("fa", "calendar/1404/9/")) in text  # previous: Azar


def test_a_gregorian_month_starts_on_monday(client, rudziniec):
    # October 2026 begins on a Thursday: three empty cells before the 1st.
    response = get(client, rudziniec, rudziniec.url("pl", "calendar/2026/10/"))
    text = response.content.decode()
    assert "październik 2026" in text
    headings = re.findall(r'<th scope="col"><abbr title="([^"]+)"', text)
    assert headings[0] == "poniedziałek" and headings[-1] == "niedziela"
    first_row = text.split("<tbody>")[1].split("</tr>")[0]
    cells = re.findall(r"<td class=\"month-grid__day[^\"]*\"", first_row)
    assert [("outside" in cell) for cell in cells] == [True] * 3 + [False] * 4
    assert rudziniec.url("pl", "calendar/2026/11/") in text


def test_an_impossible_month_is_not_found(client, rudziniec):
    assert get(client, rudziniec, rudziniec.url("pl", "calendar/2026/13/")).status_code == 404


def test_the_event_page_has_everything(client, bornova):
    made = bornova.event(
        starts_at=soon(), type_code="concert", audience=Audience.CHILDREN, age_min=6,
        age_max=10, is_free=False, price="150.00",
        titles={"tr": "Çocuk konseri", "en": "Children's concert"},
    )  # fmt: skip
    made.partners.add(bornova.university)
    made.save()  # a parental many-to-many is written when its owner is saved
    EventText.objects.filter(event=made, language="tr").update(
        summary="Bir konser.", accessibility="Tekerlekli sandalye yeri var."
    )

    response = get(client, bornova, bornova.event_url(made, "tr"))

    assert response.status_code == 200
    text = response.content.decode()
    assert "Çocuk konseri" in text and "Bir konser." in text
    assert "Konser" in text  # the type in Turkish
    assert "Tekerlekli sandalye yeri var." in text
    assert "https://www.openstreetmap.org/?mlat=38.4667&amp;mlon=27.2167" in text
    assert re.search(r'<a href="https://ege.edu.tr/"[^>]*>Ege University</a>', text)
    assert "culture (tr)" in text  # the organising unit
    assert "₺150,00" in text
    canonical = f"http://{bornova.host}{bornova.event_url(made, 'tr')}"
    assert f'<link rel="canonical" href="{canonical}">' in text
    english = f"http://{bornova.host}{bornova.event_url(made, 'en')}"
    assert f'<link rel="alternate" hreflang="en" href="{english}">' in text
    scripts = text.split('<script type="application/ld+json">')[1:]
    blocks = [json.loads(script.split("</script>")[0]) for script in scripts]
    data = next(block for block in blocks if block["@type"] != "BreadcrumbList")
    assert data["@type"] == "MusicEvent"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["geo"]["latitude"] == 38.4667
    assert data["offers"]["price"] == "150.00" and data["offers"]["priceCurrency"] == "TRY"
    assert data["startDate"].endswith("+03:00")


def test_the_event_page_lists_every_date_of_a_repeating_event(client, rudziniec):
    made = rudziniec.weekly(starts_at=rudziniec.local(2026, 10, 14, 18), weeks=3)
    text = visible(get(client, rudziniec, rudziniec.event_url(made, "pl")).content.decode())
    for day in ("14 października 2026", "21 października 2026", "28 października 2026"):
        assert day in text
    assert text.count("18:00–20:00") == 3  # wall-clock time kept across the change


def test_a_cancelled_event_says_so_on_its_page_in_the_list_and_in_schema_org(client, bornova):
    made = bornova.event(starts_at=soon(), status=Status.CANCELLED, titles={"tr": "İptal"})
    page = get(client, bornova, bornova.event_url(made, "tr")).content.decode()
    assert "programme-status--cancelled" in page
    assert "https://schema.org/EventCancelled" in page
    listing = get(client, bornova, bornova.url("tr")).content.decode()
    assert "programme-status--cancelled" in listing


def test_another_municipalitys_event_is_not_found_on_this_host(client, bornova, rudziniec):
    theirs = rudziniec.event(starts_at=soon(), titles={"pl": "Festyn", "en": "Fair"})
    path = bornova.url("tr", f"{theirs.pk}/festyn/")
    assert get(client, bornova, path).status_code == 404
    assert get(client, bornova, path + "event.ics").status_code == 404


def test_an_unpublished_event_is_not_found(client, bornova):
    draft = bornova.event(starts_at=soon(), is_published=False)
    assert get(client, bornova, bornova.event_url(draft, "tr")).status_code == 404


def test_a_wrong_slug_redirects_to_the_events_address(client, bornova):
    made = bornova.event(starts_at=soon())
    response = get(client, bornova, bornova.url("tr", f"{made.pk}/old-name/"))
    assert response.status_code == 301
    assert response["Location"].endswith(bornova.event_url(made, "tr"))


def test_the_list_and_event_page_are_cached_and_a_changed_title_shows_after_a_purge(
    client, bornova, django_capture_on_commit_callbacks
):
    made = bornova.event(starts_at=soon(), titles={"tr": "Eski başlık"})
    assert get(client, bornova, bornova.url("tr"))["X-Page-Cache"] == "miss"
    second = get(client, bornova, bornova.url("tr"))
    assert second["X-Page-Cache"] == "hit"
    assert "Eski başlık" in second.content.decode()

    # The events' save service purges the site's cached pages on commit.
    editor = staff_user(bornova.municipality, "editor", unit=bornova.culture)
    with django_capture_on_commit_callbacks(execute=True):
        event_save(event=made, by=editor, texts={"tr": {"title": "Yeni başlık"}})

    third = get(client, bornova, bornova.url("tr"))
    assert third["X-Page-Cache"] == "miss"
    assert "Yeni başlık" in third.content.decode()
