"""A Persian editor types and picks dates in the Solar Hijri calendar in Wagtail's admin: the
picker is our own, right to left, weeks from Saturday, usable from the keyboard; the date is
stored as Gregorian and shown back in Solar Hijri with Persian digits."""

import pytest

from tests.browser.conftest import WCAG_TAGS, Tab

pytestmark = pytest.mark.browser

DECLARATION_TITLE = "بیانیه دسترس‌پذیری"
FIELD = "#id_reviewed_on"


@pytest.fixture(scope="module")
def editor_tab(browser, axe_source, server):
    """editor-bumehen, logged in on Bumehen's host, in a window of their own."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = Tab(page=context.new_page(), axe_source=axe_source)
    tab.open(server.url("bumehen", "/admin/login/"))
    tab.page.fill("#id_username", "editor-bumehen")
    tab.page.fill("#id_password", "municipium-demo")
    with tab.page.expect_navigation():
        tab.page.locator("form button[type=submit]").first.click()
    yield tab
    context.close()


@pytest.fixture(scope="module")
def declaration_edit_url(editor_tab, server):
    """The edit view of Bumehen's Persian accessibility declaration, found through the admin's
    own page API (what its explorer reads)."""
    editor_tab.open(server.url("bumehen", "/admin/"))
    items = editor_tab.page.evaluate(
        """async () => {
            const response = await fetch(
                "/admin/api/main/pages/?type=portal.AccessibilityDeclarationPage&locale=fa");
            return (await response.json()).items;
        }"""
    )
    ids = [item["id"] for item in items if item["title"] == DECLARATION_TITLE]
    assert len(ids) == 1, items
    return f"/admin/pages/{ids[0]}/edit/"


def picker_axe_violations(tab: Tab) -> list[str]:
    """axe-core on the date field and its open picker only (the rest is Wagtail's)."""
    if not tab.page.evaluate("typeof window.axe !== 'undefined'"):
        tab.page.evaluate(tab.axe_source)
    return tab.page.evaluate(
        """async (tags) => {
            const field = document.querySelector("#id_reviewed_on").closest(".solar-hijri-input");
            const results = await axe.run(field, {
                runOnly: {type: "tag", values: tags}, resultTypes: ["violations"],
            });
            return results.violations.map((v) => `${v.id}: ${v.help}`);
        }""",
        WCAG_TAGS,
    )


def test_a_persian_editor_picks_a_solar_hijri_date_saves_and_reads_it_back(
    editor_tab, declaration_edit_url, server
):
    tab, page = editor_tab, editor_tab.page
    tab.open(server.url("bumehen", declaration_edit_url))
    field = page.locator(FIELD)
    # The demo's 20 March 2026, in Solar Hijri with Persian digits.
    assert field.input_value() == "۱۴۰۴/۱۲/۲۹"
    wrapper = page.locator(".solar-hijri-input").filter(has=field)
    assert wrapper.get_attribute("dir") == "rtl"

    toggle = wrapper.locator("[data-solar-hijri-toggle]")
    toggle.click()
    dialog = wrapper.locator(".solar-hijri-picker")
    assert dialog.is_visible()
    assert dialog.locator(".solar-hijri-picker__title").inner_text() == "اسفند ۱۴۰۴"
    headers = dialog.locator("th").all_inner_texts()
    assert headers[0] == "ش" and headers[6] == "ج"  # Saturday first, Friday last
    # The picker opens on the field's day; the last day of Esfand 1404 is the 29th.
    assert page.evaluate("document.activeElement.textContent") == "۲۹"
    assert dialog.locator("[aria-pressed=true]").inner_text() == "۲۹"
    assert not dialog.locator("button", has_text="۳۰").count()
    tab.screenshot("admin-solar-hijri-picker-esfand")
    assert picker_axe_violations(tab) == []

    # Two months on from the keyboard (Page Down), then the 10th: 10 Ordibehesht 1405.
    page.keyboard.press("PageDown")
    page.keyboard.press("PageDown")
    assert dialog.locator(".solar-hijri-picker__title").inner_text() == "اردیبهشت ۱۴۰۵"
    tab.screenshot("admin-solar-hijri-picker-ordibehesht")
    dialog.locator('button[aria-label*="۱۰ اردیبهشت ۱۴۰۵"]').click()
    assert dialog.is_hidden()
    assert field.input_value() == "۱۴۰۵/۰۲/۱۰"

    with page.expect_navigation():
        page.locator("button.action-save").first.click()
    page.wait_for_load_state("load")
    assert page.locator(FIELD).input_value() == "۱۴۰۵/۰۲/۱۰"
    # Wagtail's avatars come from Gravatar, which this machine cannot reach: not ours to judge.
    errors = [error for error in tab.errors if "gravatar.com" not in error]
    assert not errors, errors


def test_the_picker_follows_the_keyboard_right_to_left_and_escape_returns_focus(
    editor_tab, declaration_edit_url, server
):
    tab, page = editor_tab, editor_tab.page
    tab.open(server.url("bumehen", declaration_edit_url))
    page.locator(FIELD).fill("۱۴۰۵/۰۱/۰۱")
    wrapper = page.locator(".solar-hijri-input").filter(has=page.locator(FIELD))
    wrapper.locator("[data-solar-hijri-toggle]").focus()
    page.keyboard.press("Enter")
    focused = "document.activeElement.getAttribute('aria-label')"
    assert page.evaluate(focused).startswith("شنبه ۱ فروردین ۱۴۰۵")  # 21 March 2026, Saturday
    page.keyboard.press("ArrowLeft")  # right to left: the next day is on the left
    assert "۲ فروردین ۱۴۰۵" in page.evaluate(focused)
    page.keyboard.press("ArrowDown")
    assert "۹ فروردین ۱۴۰۵" in page.evaluate(focused)
    page.keyboard.press("PageUp")  # back into Esfand 1404, which has 29 days
    assert "۹ اسفند ۱۴۰۴" in page.evaluate(focused)
    page.keyboard.press("Escape")
    assert wrapper.locator(".solar-hijri-picker").is_hidden()
    assert page.evaluate("document.activeElement.hasAttribute('data-solar-hijri-toggle')")
    assert page.locator(FIELD).input_value() == "۱۴۰۵/۰۱/۰۱"  # nothing chosen, nothing changed


def test_an_impossible_date_is_refused_with_its_reason(editor_tab, declaration_edit_url, server):
    tab, page = editor_tab, editor_tab.page
    tab.open(server.url("bumehen", declaration_edit_url))
    page.locator(FIELD).fill("1404/12/30")
    with page.expect_navigation():
        page.locator("button.action-save").first.click()
    error = page.locator(".w-field__errors").filter(has_text="۱۴۰۴")
    assert "اسفند ۱۴۰۴" in error.first.inner_text()
    error.first.scroll_into_view_if_needed()
    tab.screenshot("admin-solar-hijri-invalid-date")


def test_without_javascript_the_text_field_alone_is_shown(browser, declaration_edit_url, server):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, java_script_enabled=False
    )
    page = context.new_page()
    try:
        page.goto(server.url("bumehen", "/admin/login/"))
        page.fill("#id_username", "editor-bumehen")
        page.fill("#id_password", "municipium-demo")
        with page.expect_navigation():
            page.locator("form button[type=submit]").first.click()
        page.goto(server.url("bumehen", declaration_edit_url))
        # (Wagtail's editor itself needs JavaScript to show its panels: only our part is checked.)
        field = page.locator(FIELD)
        assert field.is_editable() and "/" in field.input_value()
        toggle = page.locator(".solar-hijri-input").filter(has=field).locator("button")
        # A button that could do nothing is not offered.
        assert toggle.evaluate("(button) => getComputedStyle(button).display") == "none"
    finally:
        context.close()
