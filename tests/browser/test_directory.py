"""Directorate and directory pages in a browser: the organisation chart reads as a tree in
both directions and on a phone, the service standards table downloads, and the directory's
filter works without JavaScript at 320 px."""

import pytest

from .conftest import VIEWPORTS, save_screenshot

pytestmark = pytest.mark.browser

widths = pytest.mark.parametrize("width", VIEWPORTS, ids=lambda width: f"{width}px")

# (site, path, direction): a directorate with an organisation chart in each direction.
DIRECTORATES = [
    ("bornova", "/tr/mudurlukler/kultur-ve-sosyal-isler/", "ltr"),
    ("sisli", "/tr/mudurlukler/ozel-kalem/", "ltr"),
    ("bumehen", "/fa/ادارات/farhangi-ejtemaei/", "rtl"),
]


@widths
@pytest.mark.parametrize(("site", "path", "direction"), DIRECTORATES, ids=lambda v: str(v))
def test_the_org_chart_is_a_tree_indented_from_the_start_side(
    server, tabs, site, path, direction, width
):
    tab = tabs[width]
    tab.open(server.url(site, path))
    page = tab.page
    root = page.locator(".org-chart__box--root").bounding_box()
    child = page.locator(".org-chart__children .org-chart__box").first.bounding_box()
    assert page.locator(".org-chart__children .org-chart__person").count() >= 1
    if direction == "ltr":
        assert child["x"] > root["x"]
    else:  # right to left: indented from the right edge
        assert child["x"] + child["width"] < root["x"] + root["width"]
    language = path.split("/")[1]
    tab.check(f"{site}-{language}-org-chart")


@widths
def test_the_directory_is_accessible_in_both_directions(server, tabs, width):
    for site, language, slug in (("bornova", "tr", "mudurlukler"), ("bumehen", "fa", "ادارات")):
        tab = tabs[width]
        tab.open(server.url(site, f"/{language}/{slug}/"))
        assert tab.page.locator(".person-card").count() >= 1
        tab.check(f"{site}-{language}-directory")


def test_the_service_standards_table_downloads_as_csv_and_pdf(server, tabs):
    tab = tabs[1280]
    tab.open(server.url("sisli", "/tr/mudurlukler/ozel-kalem/"))
    for kind, content_type, start in (
        ("csv", "text/csv", b"\xef\xbb\xbf"),
        ("pdf", "application/pdf", b"%PDF"),
    ):
        href = tab.page.locator(f'a[href$="/service-standards/{kind}/"]').get_attribute("href")
        # Fetched by the page itself: Chromium resolves *.localhost, Playwright's client not.
        response = tab.page.evaluate(
            """async (href) => {
                const response = await fetch(href);
                const body = new Uint8Array(await response.arrayBuffer());
                return {status: response.status, type: response.headers.get("content-type"),
                        start: Array.from(body.slice(0, 4))};
            }""",
            href,
        )
        assert response["status"] == 200
        assert response["type"].startswith(content_type)
        assert bytes(response["start"]).startswith(start)


def test_the_directory_filter_works_without_script_on_a_small_phone(server, no_script_page):
    page = no_script_page
    page.goto(server.url("bornova", "/tr/mudurlukler/"))
    page.fill("#directory-q", "arşiv")
    page.locator(".directory-filter button[type=submit]").click()
    page.wait_for_load_state()
    assert "q=ar%C5%9Fiv" in page.url
    names = page.locator(".person-card__name").all_inner_texts()
    assert "Barış Uçar" in names and "Deniz Arslan" not in names
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    save_screenshot(page, "bornova-tr-directory-320-no-js")
    assert overflow <= 0, f"The page scrolls sideways by {overflow} px at 320 px"
