"""Phones get the important things first, left to right and right to left (issue 9, parts 4
and 5): the directorate page, the news listing and the plan page at 320, 375 and 1280 px in
Turkish and Persian, each checked by axe-core with a screenshot kept."""

import pytest

from .conftest import Tab

pytestmark = pytest.mark.browser

WIDTHS = (320, 375, 1280)
widths = pytest.mark.parametrize("width", WIDTHS, ids=lambda width: f"{width}px")

# (site, path) for each page type in a left-to-right and a right-to-left language.
DIRECTORATES = [
    ("kuzeykent", "/tr/mudurlukler/basin-yayin-halkla-iliskiler/"),
    ("bumehen", "/fa/ادارات/farhangi-ejtemaei/"),
]
LISTINGS = [("kuzeykent", "/tr/haberler/"), ("bumehen", "/fa/اخبار/")]
PLANS = [("kuzeykent", "/tr/faaliyet-plani/"), ("bumehen", "/fa/barnameh-tafahomnameh/")]
ids = ["tr", "fa"]


@pytest.fixture(scope="module")
def layout_tabs(browser, axe_source, tabs):
    """The session's 375 and 1280 px tabs and a 320 px phone of our own, with script."""
    context = browser.new_context(
        viewport={"width": 320, "height": 640},
        is_mobile=True,
        has_touch=True,
        device_scale_factor=1,
    )
    yield {320: Tab(page=context.new_page(), axe_source=axe_source), **tabs}
    context.close()


def _top(tab: Tab, selector: str) -> float:
    return tab.page.locator(selector).first.evaluate("e => e.getBoundingClientRect().top + scrollY")


def _name(site: str, path: str, kind: str) -> str:
    return f"layout-{site}-{path.split('/')[1]}-{kind}"


@widths
@pytest.mark.parametrize(("site", "path"), DIRECTORATES, ids=ids)
def test_the_directors_card_with_the_phone_comes_before_the_long_lists(
    server, layout_tabs, site, path, width
):
    tab = layout_tabs[width]
    tab.open(server.url(site, path))
    card, lists = _top(tab, ".contact-card"), _top(tab, ".directorate__main .prose__heading")
    if width < 960:
        assert card < lists, "the card comes after the lists on a phone"
        assert tab.page.locator(".contact-card a[href^='tel:']").first.is_visible()
    else:  # beside the text, at its end side
        main = tab.page.locator(".directorate__main").bounding_box()
        aside = tab.page.locator(".directorate__aside").bounding_box()
        beside_end = aside["x"] > main["x"] if site != "bumehen" else aside["x"] < main["x"]
        assert beside_end and abs(card - _top(tab, ".directorate__main")) < 40
    tab.check(_name(site, path, "directorate"))


@widths
@pytest.mark.parametrize(("site", "path"), LISTINGS, ids=ids)
def test_the_news_filters_fold_away_so_the_first_article_is_on_the_first_screen(
    server, layout_tabs, site, path, width
):
    tab = layout_tabs[width]
    tab.open(server.url(site, path))
    details = tab.page.locator("details.news-filters")
    opened = details.evaluate("d => d.open")
    first_card = tab.page.locator(".card-grid .card").first
    title = first_card.locator(".card__title").bounding_box()
    height = tab.page.viewport_size["height"]
    if width < 960:
        assert not opened
        # 375 × 800: the first article's title is on the first screen; 320 × 640: the article
        # at least starts on it.
        seen = title["y"] + title["height"] if width >= 375 else first_card.bounding_box()["y"]
        assert seen < height, "the first article is below the first screen"
        tab.page.locator(".news-filters__summary").click()
        assert tab.page.locator("#id_kind").is_visible()
    else:
        assert opened and tab.page.locator("#id_kind").is_visible()
    tab.check(_name(site, path, "news-index"))


@widths
@pytest.mark.parametrize(("site", "path"), PLANS, ids=ids)
def test_the_plans_activities_stay_on_screen_with_the_shared_unit_said_once(
    server, layout_tabs, site, path, width
):
    tab = layout_tabs[width]
    tab.open(server.url(site, path))
    page = tab.page
    region = page.locator(".plan .table-scroll")
    assert region.evaluate("r => r.scrollWidth <= r.clientWidth"), "the table scrolls sideways"
    status = page.locator(".plan__table .status").first.bounding_box()
    assert status["x"] >= 0 and status["x"] + status["width"] <= width
    # Every activity of the demo's plans is one unit's: it is named once, above the table.
    assert page.locator(".plan__shared a").count() == 1
    assert page.locator(".plan__table a").count() == 0
    tab.check(_name(site, path, "plan"))


@pytest.mark.parametrize(
    ("site", "path", "direction"), [(*DIRECTORATES[0], 1), (*DIRECTORATES[1], -1)], ids=ids
)
@pytest.mark.parametrize("width", (375, 1280), ids=lambda width: f"{width}px")
def test_breadcrumb_chevrons_point_the_way_the_language_reads(
    server, layout_tabs, site, path, direction, width
):
    """To the end side between crumbs (› in Turkish, ‹ in Persian); on a phone, back to the
    start side before the parent."""
    tab = layout_tabs[width]
    tab.open(server.url(site, path))
    chevron = tab.page.locator(".breadcrumbs__item:visible").last.evaluate(
        """item => {
            const link = item.querySelector('a') || item;
            const before = getComputedStyle(item, '::before');
            const m = new DOMMatrix(before.transform);
            // The drawn corner: where the two borders meet, turned by the transform.
            const side = (name) => parseFloat(before[`border${name}Width`]) > 0;
            const x = (side('Right') ? 1 : side('Left') ? -1 : 0);
            const y = (side('Bottom') ? 1 : side('Top') ? -1 : 0);
            return m.a * x + m.c * y;  // > 0: the point is on the right
        }"""
    )
    back = width < 640
    expected = -direction if back else direction
    assert chevron * expected > 0


@pytest.mark.parametrize(("site", "path"), DIRECTORATES, ids=ids)
def test_the_text_size_buttons_read_a_plus_in_both_directions(server, layout_tabs, site, path):
    tab = layout_tabs[375]
    tab.open(server.url(site, path))
    order = tab.page.locator('[data-font-size="larger"] [dir="ltr"]').evaluate(
        """span => {
            const text = span.firstChild, range = document.createRange();
            const x = (i) => { range.setStart(text, i); range.setEnd(text, i + 1);
                               return range.getBoundingClientRect().left; };
            return [text.data, x(0) < x(1)];
        }"""
    )
    assert order == ["A+", True]
