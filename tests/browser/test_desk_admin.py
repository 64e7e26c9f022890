"""The requests desk in the admin, as people use it: the superuser sets up a category and a
response template, the call centre files a request for a caller on the phone and reads out
its reference, and the unit's clerk answers it with the template. (axe-core is not run on
Wagtail's own admin pages; the screenshots are kept and looked at.)"""

import re

import pytest

from tests.browser.conftest import Tab

pytestmark = pytest.mark.browser
SITE = "bornova"
CATEGORY_CODE = "browser-fallen-tree"
TEMPLATE_BODY = "Ağaç kaldırıldı, bildiriminiz için teşekkür ederiz."


def _signed_in(browser, axe_source, server, username) -> Tab:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="tr-TR")
    tab = Tab(page=context.new_page(), axe_source=axe_source)
    tab.open(server.url(SITE, "/admin/login/"))
    tab.page.fill("#id_username", username)
    tab.page.fill("#id_password", "municipium-demo")
    with tab.page.expect_navigation():
        tab.page.locator("form button[type=submit]").first.click()
    return tab


def _choose(page, selector: str, *texts: str) -> None:
    """Choose the option of ``selector`` whose label contains one of ``texts``."""
    value = page.evaluate(
        """([selector, texts]) => {
            const option = [...document.querySelector(selector).options]
                .find(o => texts.some(t => o.textContent.includes(t)));
            return option ? option.value : null;
        }""",
        [selector, list(texts)],
    )
    assert value, f"No option of {selector} reads {texts}"
    page.select_option(selector, value)


def _submit(page, form_selector: str = "main form[method=post]") -> None:
    with page.expect_navigation():
        page.locator(f"{form_selector} button[type=submit]").first.click()


@pytest.fixture(scope="module")
def category_and_template(browser, axe_source, server):
    """The superuser's category (owned by clerk-bornova's section) and response template,
    made through the admin's forms."""
    tab = _signed_in(browser, axe_source, server, "admin")
    page = tab.page
    tab.open(server.url(SITE, "/admin/request-categories/new/"))
    _choose(page, "#id_municipality", "Bornova")
    page.fill("#id_code", CATEGORY_CODE)
    _choose(page, "#id_unit", "Etkinlik ve Organizasyon", "Events Section")
    page.select_option("#id_names-0-language", "tr")
    page.fill("#id_names-0-name", "Devrilen ağaç")
    _submit(page, "form#w-editor-form")
    assert "/admin/request-categories/" in page.url and "new" not in page.url, page.content()
    tab.open(server.url(SITE, "/admin/response-templates/new/"))
    _choose(page, "#id_municipality", "Bornova")
    _choose(page, "#id_category", "Devrilen ağaç")
    page.select_option("#id_language", "tr")
    page.fill("#id_title", "Ağaç kaldırıldı")
    page.fill("#id_body", TEMPLATE_BODY)
    _submit(page, "form#w-editor-form")
    assert "new" not in page.url, page.content()
    page.context.close()


def test_an_operator_files_a_request_and_a_clerk_answers_it_with_a_template(
    browser, axe_source, server, category_and_template
):
    operator = _signed_in(browser, axe_source, server, "callcentre-bornova")
    page = operator.page
    operator.open(server.url(SITE, "/admin/requests/file/"))
    _choose(page, "#id_category", "Devrilen ağaç")
    with page.expect_navigation():
        page.locator("main form[method=get] button[type=submit]").click()
    page.fill("#id_description", "Kıbrıs Şehitleri Caddesi'nde bir ağaç yola devrildi.")
    page.fill("#id_address", "Kıbrıs Şehitleri Cd. 12")
    page.select_option("#id_channel", "phone")
    page.fill("#id_name", "Arayan Vatandaş")
    page.fill("#id_phone", "0532 000 00 00")
    operator.screenshot("desk-admin-operator-form")
    _submit(page)
    message = page.locator(".messages").inner_text()
    reference = re.search(r"\d{2}-\d{5}", message).group(0)
    assert re.search(r"/admin/requests/\d+/$", page.url)
    assert "0532 000 00 00" in page.content()  # the call centre handles it: the contact shows
    operator.screenshot("desk-admin-operator-filed")
    page.context.close()

    clerk = _signed_in(browser, axe_source, server, "clerk-bornova")
    page = clerk.page
    clerk.open(server.url(SITE, "/admin/requests/"))
    clerk.screenshot("desk-admin-case-list")
    with page.expect_navigation():
        page.get_by_role("link", name=reference).click()
    form = "form[data-case-action=transition]"
    page.select_option(f"{form} select[name=transition]", "answer")
    _choose(page, f"{form} select[name=template]", "Ağaç kaldırıldı")
    _submit(page, form)
    timeline = page.locator(".case-timeline").inner_text()
    assert TEMPLATE_BODY in timeline
    clerk.screenshot("desk-admin-case-answered")
    assert not clerk.errors, clerk.errors
    page.context.close()
