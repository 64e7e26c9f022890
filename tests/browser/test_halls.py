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
