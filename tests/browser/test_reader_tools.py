"""Reader tools as a person uses them: text size by keyboard, remembered; the print view."""

import pytest

pytestmark = pytest.mark.browser

DIRECTORATE = ("bornova", "/tr/mudurlukler/kultur-ve-sosyal-isler/")
RTL_ARTICLE = ("bumehen", "/fa/اخبار/tafahomnameh-amoozesh-parvaresh/")


def root_font_size(page) -> float:
    return page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")


def tab_to(page, selector: str, limit: int = 60) -> None:
    """Press Tab until the element has the keyboard focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} cannot be reached with the Tab key")


@pytest.mark.parametrize(("site", "path"), [DIRECTORATE, RTL_ARTICLE])
def test_text_size_controls_work_by_keyboard_and_are_remembered(tabs, server, site, path):
    tab = tabs[1280]
    tab.open(server.url(site, path))
    page = tab.page
    normal = root_font_size(page)
    tab_to(page, '[data-font-size="larger"]')
    page.keyboard.press("Enter")
    page.keyboard.press("Space")
    assert root_font_size(page) > normal * 1.2
    page.reload()
    assert root_font_size(page) > normal * 1.2, "the chosen size is not remembered"
    tab_to(page, '[data-font-size="smaller"]')
    for _ in range(4):
        page.keyboard.press("Enter")
    assert root_font_size(page) < normal
    assert page.is_disabled('[data-font-size="smaller"]')
    tab_to(page, '[data-font-size="reset"]')
    page.keyboard.press("Enter")
    assert root_font_size(page) == normal
    tab.check(f"{site}-reader-tools")


@pytest.mark.parametrize(("site", "path"), [DIRECTORATE, RTL_ARTICLE])
def test_the_print_view_shows_the_content_only_with_link_addresses(tabs, server, site, path):
    tab = tabs[1280]
    tab.open(server.url(site, path))
    page = tab.page
    page.emulate_media(media="print")
    try:
        for hidden in (".site-nav", ".site-header__bar", ".site-footer", "[data-reader-tools]",
                       ".share-links", ".article-more"):  # fmt: skip
            if page.locator(hidden).count():
                assert (
                    page.eval_on_selector(hidden, "(e) => getComputedStyle(e).display") == "none"
                ), hidden
        assert page.is_visible("main h1")
        after = page.evaluate(
            """() => [...document.querySelectorAll("main a[href]")]
                .map((a) => getComputedStyle(a, "::after").content)
                .filter((c) => c.includes("http") || c.includes("/"))"""
        )
        assert after, "no link address is printed"
        tag_addresses = page.evaluate(
            """() => [...document.querySelectorAll("main a.tag")]
                .map((a) => getComputedStyle(a, "::after").content)
                .filter((c) => c !== "none")"""
        )
        assert not tag_addresses, "a topic's filter address is printed"
        tab.screenshot(f"{site}-print")
    finally:
        page.emulate_media(media="screen")
