"""Halls lent on request, as people use them: an association asks for Bornova's seminar room
on the Turkish site, the culture directorate's clerk approves it in the admin, and the
requester's tracking page says approved. axe-core on the public pages; screenshots kept."""

import datetime
import re

import pytest

from tests.browser.conftest import Tab

pytestmark = pytest.mark.browser
SITE = "bornova"


def test_an_association_requests_a_hall_and_a_clerk_approves_it(browser, axe_source, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="tr-TR")
    public = Tab(page=context.new_page(), axe_source=axe_source)
    page = public.page
    public.open(server.url(SITE, "/tr/salonlar/"))
    public.check("halls-catalogue")
    with page.expect_navigation():
        page.get_by_role("link", name="Seminer Salonu").click()
    public.check("halls-hall")
    assert page.locator("table.hall-week tbody tr").count() == 7
    with page.expect_navigation():
        page.locator("main a[href$='/request/']").click()
    day = datetime.date.today() + datetime.timedelta(days=30)
    page.fill("#id_day", day.isoformat())
    page.fill("#id_starts", "14:00")
    page.fill("#id_ends", "16:00")
    page.fill("#id_purpose", "Derneğimizin yıllık genel kurulu")
    page.fill("#id_audience", "60")
    page.check("input[name=requester][value=association]")
    page.fill("#id_organisation", "Bornova Gönüllüler Derneği")
    page.fill("#id_name", "Fatma Arslan")
    page.fill("#id_email", "fatma@example.org")
    public.check("halls-form")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert "?filed=1" in page.url, page.content()
    reference = re.search(r"<strong>(\d\d-\d{5})</strong>", page.content())[1]
    tracking_url = page.url.split("?")[0]
    public.check("halls-tracking-requested")

    clerk_context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="tr-TR")
    clerk = Tab(page=clerk_context.new_page(), axe_source=axe_source)
    clerk.open(server.url(SITE, "/admin/login/"))
    clerk.page.fill("#id_username", "clerk-bornova")
    clerk.page.fill("#id_password", "municipium-demo")
    with clerk.page.expect_navigation():
        clerk.page.locator("form button[type=submit]").first.click()
    clerk.open(server.url(SITE, "/admin/hall-bookings/?status=requested"))
    with clerk.page.expect_navigation():
        clerk.page.get_by_role("link", name=reference).click()
    clerk.screenshot("halls-admin-booking")
    with clerk.page.expect_navigation():
        clerk.page.locator("form[action$='/approve/'] button[type=submit]").click()
    assert 'data-status="approved"' in clerk.page.content(), clerk.page.content()
    clerk.screenshot("halls-admin-approved")
    clerk_context.close()

    public.open(tracking_url)
    assert page.locator("[data-status=approved]").count() == 1
    public.check("halls-tracking-approved")
    context.close()


def _gap_below(page, selector: str) -> float:
    """CSS pixels between the bottom of ``selector`` and the top of the element after it."""
    return page.evaluate(
        """(selector) => {
            const element = document.querySelector(selector);
            const next = element.nextElementSibling.getBoundingClientRect();
            return next.top - element.getBoundingClientRect().bottom;
        }""",
        selector,
    )


@pytest.mark.parametrize(
    ("site", "path"),
    [("bornova", "/tr/salonlar/buyuk-salon/"), ("bumehen", "/fa/سالن-ها/salon-ejtemaat/")],
)
@pytest.mark.parametrize("width", [375, 1280])
def test_a_halls_page_shows_its_photo_and_keeps_its_chips_off_the_next_heading(
    server, tabs, site, path, width
):
    tab = tabs[width]
    page = tab.page
    tab.open(server.url(site, path))
    photo = page.locator(".hall-photos img").first
    assert photo.evaluate("(image) => image.complete && image.naturalWidth > 0")
    assert photo.bounding_box()["width"] <= width
    assert _gap_below(page, ".hall > .hall-tags") >= 16  # at least var(--space-4)
    assert _gap_below(page, ".hall > .hall-facts") >= 12
    tab.check(f"halls-hall-{site}")


def test_a_persian_resident_asks_for_a_hall_typing_the_day_in_solar_hijri(
    browser, axe_source, server
):
    from persiantools.jdatetime import JalaliDate

    from municipium.core.formatting import localise_digits

    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="fa-IR")
    tab = Tab(page=context.new_page(), axe_source=axe_source)
    page = tab.page
    tab.open(server.url("bumehen", "/fa/سالن-ها/salon-ejtemaat/request/"))
    day = page.locator("#id_day")
    assert day.get_attribute("type") == "text"
    assert day.get_attribute("placeholder") == "۱۴۰۵/۰۲/۱۰"
    tab.check("halls-form-fa")
    wanted = JalaliDate(datetime.date.today() + datetime.timedelta(days=30))
    page.fill("#id_day", "1404/12/30")  # not a leap year: refused, with the reason
    page.fill("#id_starts", "10:00")
    page.fill("#id_ends", "12:00")
    page.fill("#id_purpose", "نشست ماهانه‌ی انجمن ادبی")
    page.fill("#id_audience", "40")
    page.fill("#id_name", "زهرا حسینی")
    page.fill("#id_email", "zahra@example.org")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    tab.refused()
    assert "۱۴۰۴" in page.locator(".desk-field .errorlist, .errorlist").first.inner_text()
    tab.check("halls-form-fa-refused")
    page.fill("#id_day", localise_digits(wanted.strftime("%Y/%m/%d"), "fa"))
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert "?filed=1" in page.url, page.content()
    tab.check("halls-tracking-fa")
    context.close()
