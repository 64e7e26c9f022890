"""A resident clicks a quick-access card on a home page and lands on the page it names, left
to right and right to left; the header shows the municipality's emblem, not a letter."""

import pytest

pytestmark = pytest.mark.browser

CARDS = [
    ("rudziniec", "pl", "Nasza misja", "Misja"),
    ("bumehen", "fa", "سامانه ۱۳۷", "ثبت درخواست و شکایت"),
    ("kuzeykent", "tr", "Alo 153", "İstek ve Şikâyet"),
]


@pytest.mark.parametrize(("site", "language", "card", "heading"), CARDS,
                         ids=[c[0] for c in CARDS])  # fmt: skip
@pytest.mark.parametrize("width", [375, 1280], ids=lambda width: f"{width}px")
def test_a_quick_access_card_leads_to_its_page(server, tabs, site, language, card, heading, width):
    tab = tabs[width]
    tab.open(server.url(site, f"/{language}/"))
    logo = tab.page.locator(".site-header__logo")
    assert logo.count() == 1 and logo.get_attribute("src").endswith(".svg")
    assert tab.page.evaluate("document.querySelector('.site-header__logo').naturalWidth") > 0
    tab.check(f"home-cards-{site}-{language}")
    # The whole card is the link: a click anywhere on it, not only on its title.
    tab.page.locator(".card--highlight", has_text=card).click(position={"x": 12, "y": 60})
    tab.page.wait_for_load_state("load")
    assert tab.page.locator("h1").first.inner_text().strip() == heading
