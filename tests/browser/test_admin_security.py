"""Wagtail's page editor works under the admin's Content-Security-Policy (object-src 'none',
base-uri 'self', form-action 'self', frame-ancestors 'self'): an editor signs in, opens a page's
edit view, types in it and opens the preview panel, and the browser reports no violation."""

import pytest

from tests.browser.conftest import Tab

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def editor_tab(browser, axe_source, server):
    """editor-bornova, signed in on Bornova's host."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = Tab(page=context.new_page(), axe_source=axe_source)
    violations: list[str] = []
    tab.page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    tab.violations = violations
    tab.open(server.url("bornova", "/admin/login/"))
    tab.page.fill("#id_username", "editor-bornova")
    tab.page.fill("#id_password", "municipium-demo")
    with tab.page.expect_navigation():
        tab.page.locator("form button[type=submit]").first.click()
    yield tab
    context.close()


def own_declaration_edit_url(tab: Tab) -> str:
    """The edit view of Bornova's Turkish accessibility declaration: of the declarations the
    admin's page API lists, the one whose edit view this editor may open."""
    return tab.page.evaluate(
        """async () => {
            const listing = await fetch(
                "/admin/api/main/pages/?slug=erisilebilirlik&locale=tr");
            for (const item of (await listing.json()).items) {
                const url = `/admin/pages/${item.id}/edit/`;
                const response = await fetch(url);
                if (response.ok && new URL(response.url).pathname === url) return url;
            }
            return null;
        }"""
    )


def test_the_page_editor_works_under_the_admins_policy(editor_tab, server):
    tab = editor_tab
    response = tab.open(server.url("bornova", "/admin/"))
    assert "frame-ancestors 'self'" in response.headers["content-security-policy"]
    url = own_declaration_edit_url(tab)
    assert url, "no accessibility declaration that editor-bornova may edit"
    tab.violations.clear()
    response = tab.open(server.url("bornova", url))
    assert "object-src 'none'" in response.headers["content-security-policy"]
    page = tab.page
    title = page.locator("#id_title")
    title.fill(title.input_value() + " (taslak)")
    assert page.evaluate("typeof window.wagtail === 'object'")  # Wagtail's own scripts ran
    page.locator("[data-side-panel-toggle='preview']").click()  # opened by its scripts
    preview = page.frame_locator("#w-preview-iframe")
    preview.locator("body").wait_for(timeout=15000)  # framed by the admin itself: allowed
    assert preview.locator("h1").first.inner_text().strip()
    tab.screenshot("admin-editor-under-csp")
    assert not tab.violations, tab.violations
    assert not [e for e in tab.errors if "Content Security Policy" in e], tab.errors
