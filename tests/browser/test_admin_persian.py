"""A Persian editor chooses Persian for the admin and meets no English from Wagtail: the dashboard's
search, the sidebar, the page explorer and the page editor's JavaScript (its minimap's 'Collapse
all') speak Persian; no avatar is fetched from a third-party service."""

import re

import pytest

from tests.browser.conftest import Tab

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def persian_editor(browser, axe_source, server):
    """editor-bumehen, logged in on Bumehen's host, who picks Persian in their account."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = Tab(page=context.new_page(), axe_source=axe_source)
    requested_hosts = set()
    tab.page.on("request", lambda request: requested_hosts.add(request.url.split("/")[2]))
    tab.open(server.url("bumehen", "/admin/login/"))
    tab.page.fill("#id_username", "editor-bumehen")
    tab.page.fill("#id_password", "municipium-demo")
    with tab.page.expect_navigation():
        tab.page.locator("form button[type=submit]").first.click()
    tab.open(server.url("bumehen", "/admin/account/"))
    tab.page.select_option("select[name='locale-preferred_language']", "fa")
    with tab.page.expect_navigation():
        tab.page.locator("form button[type=submit]").last.click()
    tab.requested_hosts = requested_hosts
    yield tab
    context.close()


def test_persian_dashboard_search_and_sidebar_are_persian(persian_editor, server):
    tab, page = persian_editor, persian_editor.page
    tab.open(server.url("bumehen", "/admin/"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("#id_q").get_attribute("placeholder") == "جستجو در همهٔ صفحه‌ها…"
    sidebar = page.locator("[data-wagtail-sidebar]")
    sidebar.get_by_role("button", name="راهنما").wait_for()
    labels = sidebar.inner_text()
    assert "تصاویر" in labels and "اسناد" in labels and "صفحه‌ها" in labels
    assert not re.findall(r"\b(Help|Images|Documents|Search|Pages|Reports|Settings)\b", labels)
    tab.screenshot("admin-fa-dashboard")
    # Only the server under test is asked for anything: no gravatar.com, no CDN.
    assert tab.requested_hosts == {f"bumehen.localhost:{server.port}"}
    assert not page.locator("img[src*='gravatar']").count()


def test_persian_page_explorer_says_exploring_in_persian(persian_editor, server):
    tab, page = persian_editor, persian_editor.page
    tab.open(server.url("bumehen", "/admin/pages/"))
    assert page.title().startswith("در حال مرور")
    assert "Exploring" not in page.content()
    tab.screenshot("admin-fa-explorer")


def test_persian_page_editor_minimap_collapses_all_in_persian(persian_editor, server):
    tab, page = persian_editor, persian_editor.page
    tab.open(server.url("bumehen", "/admin/pages/"))
    page.locator("a[href*='/edit/']").first.click()
    page.wait_for_load_state("load")
    toggle = page.locator(".w-minimap__collapse-all")
    toggle.wait_for(state="attached")
    assert toggle.text_content().strip() in ("بستن همه", "باز کردن همه")
    assert "Collapse all" not in page.locator("body").inner_text()
    tab.screenshot("admin-fa-editor")
