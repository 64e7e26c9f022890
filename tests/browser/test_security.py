"""The Content-Security-Policy is enforced by the browser: a script injected into a public page
(what a stored cross-site scripting attack would do) does not run, while the page's own script
does."""

import pytest
from playwright.sync_api import Error as PlaywrightError

pytestmark = pytest.mark.browser


def test_an_injected_inline_script_is_refused_and_the_pages_own_script_runs(server, tabs):
    tab = tabs[1280]
    tab.open(server.url("bornova", "/tr/"))
    page = tab.page
    # The page's own module script ran: it swaps the no-js class.
    assert page.locator("html").get_attribute("class") != "no-js"
    with pytest.raises(PlaywrightError, match="Content Security Policy"):
        page.add_script_tag(content="window.injected = true;")
    assert page.evaluate("window.injected === undefined")
    tab.errors.clear()
