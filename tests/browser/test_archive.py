"""The archive in the browser: Bornova's exhibition with its oral histories (a recording to play,
a transcript to open) on the Turkish site, an item's page, the archive browsed by period
without JavaScript, and Rudziniec's partners' directory."""

import pytest

from .conftest import VIEWPORTS

pytestmark = pytest.mark.browser

widths = pytest.mark.parametrize("width", VIEWPORTS, ids=lambda width: f"{width}px")
EXHIBITION = "/tr/arsiv/bornovanin-hafizasi/"


@widths
def test_an_exhibition_with_oral_history_plays_and_opens_its_transcript(server, tabs, width):
    tab = tabs[width]
    tab.open(server.url("bornova", EXHIBITION))
    page = tab.page
    assert page.locator("html").get_attribute("lang") == "tr"
    item = page.locator("article.archive-item").filter(has_text="Bağ bozumu anıları")
    assert item.locator("audio[controls]").count() == 1
    assert item.locator("img").evaluate("img => img.complete && img.naturalWidth > 0")
    item.locator(".archive-item__transcript summary").click()
    assert item.get_by_text("pekmez kazanlarını").is_visible()
    assert page.get_by_text("Fabrika anıları").count() == 0  # consent for the exhibition only
    tab.check("bornova-tr-exhibition-oral-history")


def test_an_oral_history_item_page_has_its_record_and_dublin_core(server, tabs):
    tab = tabs[1280]
    tab.open(server.url("bornova", f"{EXHIBITION}bag-bozumu/"))
    page = tab.page
    assert page.locator('head meta[name="DC.identifier"]').get_attribute("content")
    assert page.locator("h2#transcript").is_visible()
    tab.check("bornova-tr-archive-item")


def test_the_withheld_item_is_not_found(server, tabs):
    tabs[1280].open(server.url("bornova", f"{EXHIBITION}fabrika-anilari/"), status=404)


def test_the_archive_is_browsed_by_period_without_javascript(server, tabs):
    tab = tabs[375]
    tab.open(server.url("bornova", "/tr/arsiv/"))
    page = tab.page
    page.locator("#archive-decade").select_option("1940")
    page.locator(".archive-filters__button").click()
    page.wait_for_load_state("load")
    assert "decade=1940" in page.url
    assert (
        page.locator("#archive-items ~ ul .card__title, .card__title")
        .filter(has_text="Levanten")
        .count()
        == 1
    )
    tab.check("bornova-tr-archive-by-period")


def test_rudziniec_partners_directory_by_kind(server, tabs):
    tab = tabs[1280]
    tab.open(server.url("rudziniec", "/pl/partnerzy/"))
    page = tab.page
    assert page.locator("#kind-parish").is_visible()
    assert page.locator(".partner").filter(has_text="Rękodzieło gminy Rudziniec").count() >= 1
    tab.check("rudziniec-pl-partners")
