"""Every page type of the public portal, in a left-to-right and a right-to-left language, at a
phone and a desktop width: right language and direction, no console error, no axe-core
violation, a screenshot in screenshots/."""

import pytest

from .conftest import VIEWPORTS, save_screenshot

pytestmark = pytest.mark.browser

SITE_LANGUAGES = {
    "bornova": ("tr", "en"),
    "kuzeykent": ("tr", "en"),
    "sisli": ("tr", "en"),
    "bumehen": ("fa", "en"),
    "rudziniec": ("pl", "en"),
}
RIGHT_TO_LEFT = {"fa"}
HOME_PAGES = [
    (site, language) for site, languages in SITE_LANGUAGES.items() for language in languages
]

# (page type, site, path): each page type once left to right and once right to left.
PAGES = [
    ("directorate", "bornova", "/tr/mudurlukler/kultur-ve-sosyal-isler/"),
    ("directorate", "bumehen", "/fa/ادارات/farhangi-ejtemaei/"),
    ("news-article", "bornova", "/tr/haberler/yaz-atolyeleri/"),
    ("news-article", "bumehen", "/fa/اخبار/tafahomnameh-amoozesh-parvaresh/"),
    ("directory-index", "sisli", "/tr/mudurlukler/"),
    ("directory-index", "bumehen", "/fa/ادارات/"),
    ("news-index", "rudziniec", "/pl/aktualnosci/"),
    ("news-index", "bumehen", "/fa/اخبار/"),
    ("standard", "sisli", "/tr/hakkimizda/"),
    ("standard", "bumehen", "/fa/darbareh/"),
    ("mission", "rudziniec", "/pl/misja/"),
    ("mission", "bumehen", "/fa/mamooriat/"),
    ("plan", "kuzeykent", "/tr/faaliyet-plani/"),
    ("plan", "bumehen", "/fa/barnameh-tafahomnameh/"),
    ("search", "bornova", "/tr/search/?q=K%C3%9CLT%C3%9CR"),
    ("search", "bumehen", "/fa/search/?q=%D8%A8%D8%B1%D9%86%D8%A7%D9%85%D9%87"),
    ("accessibility", "rudziniec", "/pl/deklaracja-dostepnosci/"),
    ("accessibility", "bumehen", "/fa/دسترس-پذیری/"),
]

widths = pytest.mark.parametrize("width", VIEWPORTS, ids=lambda width: f"{width}px")


def assert_language(page, language: str) -> None:
    html = page.locator("html")
    assert html.get_attribute("lang") == language
    assert html.get_attribute("dir") == ("rtl" if language in RIGHT_TO_LEFT else "ltr")


@widths
@pytest.mark.parametrize(("site", "language"), HOME_PAGES, ids=["-".join(p) for p in HOME_PAGES])
def test_home_page_is_accessible_in_each_language(server, tabs, site, language, width):
    tab = tabs[width]
    tab.open(server.url(site, f"/{language}/"))
    assert_language(tab.page, language)
    tab.check(f"{site}-{language}")


@widths
@pytest.mark.parametrize(
    ("kind", "site", "path"), PAGES, ids=[f"{kind}-{site}" for kind, site, _ in PAGES]
)
def test_page_type_is_accessible(server, tabs, kind, site, path, width):
    tab = tabs[width]
    tab.open(server.url(site, path))
    language = path.split("/")[1]
    assert_language(tab.page, language)
    assert tab.page.locator("h1").count() == 1
    tab.check(f"{site}-{language}-{kind}")


@widths
@pytest.mark.parametrize(("site", "language"), [("bornova", "tr"), ("bumehen", "fa")])
def test_unknown_address_shows_the_not_found_page_in_the_site_language(
    server, tabs, site, language, width
):
    tab = tabs[width]
    tab.open(server.url(site, f"/{language}/bu-sayfa-yok/"), status=404)
    assert_language(tab.page, language)
    assert tab.page.locator(f'main a[href="/{language}/"]').count() == 1
    tab.check(f"{site}-{language}-404")


@pytest.mark.parametrize("site", SITE_LANGUAGES)
def test_main_menu_fits_a_small_phone_without_script(server, no_script_page, site):
    """At 320 px and without JavaScript every item of the main menu is on screen (the menu
    wraps onto more lines) and nothing makes the page scroll sideways."""
    page = no_script_page
    language = SITE_LANGUAGES[site][0]
    page.goto(server.url(site, f"/{language}/"))
    assert page.locator("html").get_attribute("class") == "no-js"
    links = page.locator(".site-nav__link")
    assert links.count() >= 2
    for link in links.all():
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 320, link.inner_text()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    save_screenshot(page, f"{site}-{language}-320-no-js")
    assert overflow <= 0, f"The page scrolls sideways by {overflow} px at 320 px"


@widths
def test_language_switcher_leads_to_the_same_page_in_english(server, tabs, width):
    page = tabs[width].page
    tabs[width].open(server.url("bornova", "/tr/mudurlukler/kultur-ve-sosyal-isler/"))
    page.get_by_role("link", name="English", exact=True).click()
    page.wait_for_url(server.url("bornova", "/en/directorates/kultur-ve-sosyal-isler/"))
    assert_language(page, "en")
    assert page.get_by_role("link", name="Türkçe", exact=True).is_visible()


@widths
@pytest.mark.parametrize("site", ["bornova", "bumehen"])
def test_the_header_search_sits_beside_the_name_on_a_desktop_and_below_it_on_a_phone(
    server, tabs, site, width
):
    tab = tabs[width]
    tab.open(server.url(site, "/"))
    name = tab.page.locator(".site-header__name").bounding_box()
    search = tab.page.locator(".site-header__search input[type=search]").bounding_box()
    name_middle = name["y"] + name["height"] / 2
    if width >= 1024:
        assert search["y"] < name_middle < search["y"] + search["height"]
        assert search["width"] <= 400, "the header's search box stretches across the page"
    else:
        assert search["y"] > name["y"] + name["height"]
