"""A person who mistypes their password too often is told on Wagtail's sign-in page that signing
in is blocked, and the right password waits; their municipality's administrator unblocks them
from Settings → Sign-in lockouts, and they sign in.

The test leaves no block behind: it unblocks the account it locked, and its five failures from
this address stay well under the address's limit, so the other tests' sign-ins are not throttled.
"""

import pytest

from tests.browser.conftest import Tab

pytestmark = pytest.mark.browser

PASSWORD = "municipium-demo"


def locked_message() -> str:
    """The lockout message as the Turkish admin of bornova's host shows it."""
    from django.utils import translation

    from municipium.accounts.throttle import lockout_message

    with translation.override("tr"):
        return lockout_message()


def sign_in(tab: Tab, server, username: str, password: str):
    tab.page.goto(server.url("bornova", "/admin/login/"))
    tab.page.fill("#id_username", username)
    tab.page.fill("#id_password", password)
    with tab.page.expect_navigation() as navigation:
        tab.page.locator("form button[type=submit]").first.click()
    response = navigation.value
    # Chromium reports the document's own error status (429) as a console error.
    tab.errors[:] = [error for error in tab.errors if "status of 429" not in error]
    return response


@pytest.fixture
def new_tab(browser, axe_source):
    contexts = []

    def make() -> Tab:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        return Tab(page=context.new_page(), axe_source=axe_source)

    yield make
    for context in contexts:
        context.close()


def test_a_locked_out_clerk_sees_why_and_the_administrator_unblocks_them(new_tab, server):
    clerk = new_tab()
    statuses = [sign_in(clerk, server, "clerk-bornova", "wrong").status for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    message = clerk.page.locator(".messages .error")
    assert locked_message() in message.inner_text()
    assert sign_in(clerk, server, "clerk-bornova", PASSWORD).status == 429
    assert locked_message() in clerk.page.locator(".messages .error").inner_text()
    clerk.check("admin-sign-in-locked")

    administrator = new_tab()
    assert sign_in(administrator, server, "admin-bornova", PASSWORD).status == 200
    administrator.open(server.url("bornova", "/admin/sign-in-lockouts/"))
    row = administrator.page.locator("tr").filter(has_text="clerk-bornova")
    # Wagtail's own avatars come from gravatar.com, which this machine cannot reach.
    administrator.errors[:] = [e for e in administrator.errors if "gravatar.com" not in e]
    administrator.check("admin-sign-in-lockouts")
    with administrator.page.expect_navigation():
        row.locator("button[type=submit]").click()
    assert administrator.page.locator("table.listing tr", has_text="clerk-bornova").count() == 0

    response = sign_in(clerk, server, "clerk-bornova", PASSWORD)
    assert response.status == 200 and "/admin/login/" not in clerk.page.url
