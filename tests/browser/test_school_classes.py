"""School classes as people use them: a teacher books a class for a science workshop on
Bornova's Turkish site (the list, the form with a mistake, the thank-you page with the
booking's number), and the culture clerk approves it in the admin and downloads the letter.
The public pages are checked (axe-core, screenshots looked at); the admin's screenshot kept."""

import re

import pytest

from tests.browser.conftest import Tab

pytestmark = pytest.mark.browser
SITE = "bornova"


def test_a_teacher_books_a_class_and_a_clerk_approves_it(tabs, browser, axe_source, server):
    tab = tabs[1280]
    page = tab.page
    tab.open(server.url(SITE, "/tr/etkinlikler/school-classes/"))
    tab.check("school-classes-list-tr")
    with page.expect_navigation():
        page.get_by_role("link", name="Gökyüzü gözlem atölyesi").first.click()
    page.fill("#id_school_name", "Kazımdirik Ortaokulu")
    page.fill("#id_grade", "7-B")
    page.fill("#id_pupils", "31")
    page.fill("#id_escorts", "1")  # 31 pupils need three escorts
    page.fill("#id_teacher_name", "Ayşe Demir")
    page.fill("#id_teacher_email", "ayse.demir@example.org")
    page.fill("#id_teacher_phone", "0532 555 44 33")
    with page.expect_navigation():
        page.locator("form.desk-form button[type=submit]").click()
    assert page.locator("#id_escorts").get_attribute("aria-invalid") == "true"
    tab.refused()
    tab.check("school-classes-form-error-tr")
    page.fill("#id_pupils", "24")
    page.fill("#id_escorts", "2")
    with page.expect_navigation():
        page.locator("form.desk-form button[type=submit]").click()
    assert "/school-classes/track/" in page.url
    tab.check("school-classes-thanks-tr")
    # The case's number, wherever the page's language puts it in the heading.
    reference = re.search(r"\d\d-\d{5}", page.locator("h1").inner_text())[0]

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="tr-TR")
    clerk = Tab(page=context.new_page(), axe_source=axe_source)
    clerk.open(server.url(SITE, "/admin/login/"))
    clerk.page.fill("#id_username", "clerk-bornova")
    clerk.page.fill("#id_password", "municipium-demo")
    with clerk.page.expect_navigation():
        clerk.page.locator("form button[type=submit]").first.click()
    clerk.open(server.url(SITE, "/admin/school-classes/?status=requested"))
    with clerk.page.expect_navigation():
        clerk.page.get_by_role("link", name=reference, exact=True).click()
    clerk.screenshot("school-classes-admin-booking")
    approve = clerk.page.locator("form[action$='/approve/'] button")
    assert approve.count() == 1, clerk.page.locator("main").inner_text()[:2000]
    with clerk.page.expect_navigation():
        approve.click()
    clerk.screenshot("school-classes-admin-approved")
    assert clerk.page.locator("a[href$='/letter/']").count() == 1
    with clerk.page.expect_download() as download:
        clerk.page.locator("a[href$='/letter/']").click()
    assert download.value.suggested_filename == f"{reference}.pdf"
    context.close()

    tab.open(page.url)
    assert "onaylandı" in page.content() or "approved" in page.content()
