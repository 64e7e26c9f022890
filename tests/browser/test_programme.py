"""The programme as residents use it: a Persian resident browses the month calendar right to
left in Solar Hijri months and opens a day's event; a resident of a Turkish site finds a
children's workshop by its filters and registers a child, with a guardian, for it. Events are
added to the demo through the tests' world (``events.tests.programme_world``), then the site's
page cache is purged."""

import pytest

from municipium.core.formatting import SOLAR_HIJRI_MONTHS

pytestmark = pytest.mark.browser

SETUP = """
import datetime
from django.utils import timezone
from persiantools.jdatetime import JalaliDate
from municipium.tenancy.models import Municipality
from municipium.tenancy.services import municipality_purge_cache
from municipium.culture.choices import Audience
from municipium.events.tests.programme_world import Programme

bornova = Programme(Municipality.objects.get(slug="bornova"), prefix="Test ")
start = timezone.now() + datetime.timedelta(days=3)
start = start.replace(hour=8, minute=0, second=0, microsecond=0)
puppets = bornova.event(
    starts_at=start, type_code="workshop", audience=Audience.CHILDREN, age_min=7, age_max=12,
    venue=bornova.park, titles={"tr": "Kukla atölyesi", "en": "Puppet workshop"},
    registration="occurrence", capacity=12,
)
bornova.event(starts_at=start, type_code="concert", titles={"tr": "Oda müziği konseri"})
bornova.event(
    starts_at=start + datetime.timedelta(days=1), type_code="workshop",
    audience=Audience.ADULTS, age_min=18, titles={"tr": "Seramik atölyesi"},
)

bumehen = Programme(Municipality.objects.get(slug="bumehen"), prefix="Test ")
today = JalaliDate.today()
year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
day = JalaliDate(year, month, 10).to_gregorian()
bumehen.event(
    starts_at=datetime.datetime.combine(day, datetime.time(14, 30), tzinfo=datetime.UTC),
    type_code="concert", titles={"fa": "کنسرت موسیقی سنتی", "en": "Traditional music"},
)
# A busy day in each calendar: seven dates, of which the cell shows four and "3 more".
busy = (start + datetime.timedelta(days=2)).date()
busy_persian = JalaliDate(year, month, 12).to_gregorian()
for site, day, title in ((bornova, busy, "Kalabalık gün"), (bumehen, busy_persian, "روز شلوغ")):
    for number in range(7):
        site.event(
            starts_at=site.local(day.year, day.month, day.day, 9 + number),
            titles={site.municipality.default_language: f"{title} {number + 1}"},
        )
for municipality in (bornova.municipality, bumehen.municipality):
    municipality_purge_cache(municipality=municipality)
print(bumehen.url("fa"), bornova.url("tr"), bornova.event_url(puppets, "tr"))
print(f"calendar/{year}/{month}/", f"calendar/{busy.year}/{busy.month}/")
"""


@pytest.fixture(scope="module")
def programme_urls(server):
    persian, turkish, puppets, persian_busy, turkish_busy = server.python(SETUP).split()
    return {
        "fa": persian,
        "tr": turkish,
        "puppets": puppets,
        "fa_busy": persian + persian_busy,
        "tr_busy": turkish + turkish_busy,
    }


@pytest.mark.parametrize("width", [375, 1280])
def test_a_persian_resident_browses_solar_hijri_months_and_opens_an_event(
    server, tabs, programme_urls, width
):
    tab = tabs[width]
    page = tab.page
    tab.open(server.url("bumehen", programme_urls["fa"] + "calendar/"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    this_month = page.locator(".month-nav__title").inner_text()
    assert this_month.split()[0] in SOLAR_HIJRI_MONTHS["fa"]
    assert all(not c.isascii() or c == " " for c in this_month)  # Persian digits
    first_heading = page.locator(".month-grid thead th").first
    if width > 600:
        assert first_heading.locator("abbr").get_attribute("title") == "شنبه"
        # Right to left: Saturday's column is at the right.
        last_heading = page.locator(".month-grid thead th").last
        assert first_heading.bounding_box()["x"] > last_heading.bounding_box()["x"]

    page.locator(".month-nav__link--next").click()
    page.wait_for_load_state("load")
    assert page.locator(".month-nav__title").inner_text() != this_month
    tab.check("programme-calendar-fa-next")
    assert tab.axe_violations() == []

    event = page.get_by_role("link", name="کنسرت موسیقی سنتی")
    day = page.locator(".month-grid__day", has=event)
    if width > 600:
        assert day.locator(".month-grid__number").inner_text() == "۱۰"
    event.click()
    page.wait_for_load_state("load")
    assert page.locator("h1").inner_text() == "کنسرت موسیقی سنتی"
    dates = page.locator(".event__dates").inner_text()
    assert "۱۰ " in dates and not any(digit in dates for digit in "0123456789")
    tab.check("programme-event-fa")
    assert tab.axe_violations() == []


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize(
    ("slug", "language", "title"),
    [("bumehen", "fa", "روز شلوغ"), ("bornova", "tr", "Kalabalık gün")],
)
def test_a_busy_day_shows_four_dates_and_links_the_rest_to_its_list(
    server, tabs, programme_urls, width, slug, language, title
):
    tab = tabs[width]
    page = tab.page
    tab.open(server.url(slug, programme_urls[f"{language}_busy"]))
    day = page.locator(".month-grid__day", has=page.get_by_role("link", name=f"{title} 1"))
    more = day.locator(".month-grid__more")
    assert more.count() == 1
    # Four dates shown (the demo's own dates of that day may come first), ours in order.
    shown = day.locator(".month-grid__event a").all_inner_texts()
    ours = [text for text in shown if title in text]
    assert len(shown) == 4 and ours == [f"{title} {number}" for number in range(1, len(ours) + 1)]
    if language == "fa":
        assert not any(c.isascii() and c.isdigit() for c in more.inner_text())
    # The link sits inside its cell, on the reading side of it.
    cell, link = day.bounding_box(), more.bounding_box()
    assert cell["x"] <= link["x"] and link["x"] + link["width"] <= cell["x"] + cell["width"]
    tab.check(f"programme-calendar-{language}-busy")
    more.click()
    page.wait_for_load_state("load")
    listed = page.locator(".programme-card .card__title").all_inner_texts()
    assert all(f"{title} {number}" in listed for number in range(1, 8))
    tab.check(f"programme-day-list-{language}")


def test_a_resident_finds_a_childrens_workshop_by_the_filters(server, tabs, programme_urls):
    tab = tabs[375]
    page = tab.page
    tab.open(server.url("bornova", programme_urls["tr"]))
    tab.check("programme-list-tr")
    assert tab.axe_violations() == []
    filters = page.locator("details.programme-filters")
    if not filters.get_attribute("open"):
        filters.locator("summary").click()
    # By the fields' names: their labels are translated when the lead updates the catalogues.
    page.locator("select[name=event_type]").select_option("workshop")
    page.locator("select[name=audience]").select_option("children")
    page.locator("input[name=age]").fill("8")
    page.locator(".programme-filters button[type=submit]").click()
    page.wait_for_load_state("load")
    # The demo's season has children's workshops too: every card found is one, ours among them.
    cards = page.locator(".programme-card .card__title")
    assert "Kukla atölyesi" in cards.all_inner_texts()
    assert "Oda müziği konseri" not in cards.all_inner_texts()
    assert "Seramik atölyesi" not in cards.all_inner_texts()
    assert "event_type=workshop" in page.locator("a[href^='webcal://']").get_attribute("href")
    tab.check("programme-list-tr-filtered")
    page.get_by_role("link", name="Kukla atölyesi").click()
    page.wait_for_load_state("load")
    assert page.locator("h1").inner_text() == "Kukla atölyesi"
    assert page.locator("a[href^='https://www.openstreetmap.org/?mlat=']").count() == 1
    tab.check("programme-event-tr")
    assert tab.axe_violations() == []


def test_a_resident_registers_a_child_for_the_workshop_and_gets_a_door_code(
    server, tabs, programme_urls
):
    tab = tabs[375]
    page = tab.page
    tab.open(server.url("bornova", programme_urls["puppets"]))
    box = page.locator(".registration-box")
    assert box.count() == 1
    box.locator("a.button").click()
    page.wait_for_load_state("load")
    tab.check("registration-form-tr")
    assert tab.axe_violations() == []

    # A child without a guardian is refused with the reason, and nothing is lost.
    page.locator("select[name=occurrence]").select_option(index=1)
    page.locator("input[name=name]").fill("Deniz Yılmaz")
    page.locator("input[name=age]").fill("8")
    page.locator("input[name=email]").fill("aile@example.org")
    page.locator("form.registration-form button[type=submit]").click()
    page.wait_for_load_state("load")
    tab.refused()
    assert page.locator("input[name=name]").input_value() == "Deniz Yılmaz"
    assert page.locator(".errorlist, .registration-message--error").count() >= 1

    page.locator("input[name=guardian_name]").fill("Ayşe Yılmaz")
    page.locator("input[name=guardian_contact]").fill("0532 000 00 00")
    page.locator("form.registration-form button[type=submit]").click()
    page.wait_for_load_state("load")
    code = page.locator(".registration-code").inner_text().strip()
    assert len(code) == 8 and code.isalnum()
    tab.check("registration-done-tr")
    assert tab.axe_violations() == []


@pytest.mark.parametrize("width", [375, 1280])
def test_an_events_breadcrumbs_lead_back_to_its_programme(server, tabs, programme_urls, width):
    tab = tabs[width]
    page = tab.page
    tab.open(server.url("bornova", programme_urls["puppets"]))
    crumbs = page.locator(".breadcrumbs__item")
    assert crumbs.count() == 3
    assert crumbs.nth(2).inner_text() == "Kukla atölyesi"
    assert crumbs.nth(2).get_attribute("aria-current") == "page"
    programme = crumbs.nth(1).locator("a")
    assert programme.get_attribute("href") == programme_urls["tr"]
    tab.check("programme-event-breadcrumbs-tr")
    programme.click()
    page.wait_for_load_state("load")
    assert page.url == server.url("bornova", programme_urls["tr"])
