"""Settings → Sign-in lockouts in the admin: administrators list their staff's lockouts and
unblock them; nobody else sees the page or another municipality's names."""

import re

import pytest
from axes.models import AccessAttempt
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.models import ModelLogEntry

from .conftest import fail, member

pytestmark = pytest.mark.django_db

URL = "/admin/sign-in-lockouts/"


def admin(client, **kwargs):
    method = client.post if "data" in kwargs else client.get
    return method(URL, HTTP_HOST="bornova.localhost", **kwargs)


def assert_refused(response):
    """Wagtail's answer to a PermissionDenied in its admin: back to the dashboard, saying so."""
    assert response.status_code == 302 and response.url == "/admin/"


@pytest.fixture
def locked(client, clerk, sisli):
    member(sisli, "clerk-sisli")
    fail(client, "clerk-bornova", 5, address="203.0.113.1")
    fail(client, "clerk-sisli", 5, address="203.0.113.2")


def test_an_administrator_lists_and_unblocks_their_clerk(client, bornova, locked):
    administrator = member(bornova, "admin-bornova", administrator=True)
    client.force_login(administrator)
    html = admin(client).content.decode()
    assert "clerk-bornova" in html and "clerk-sisli" not in html
    language = re.search(r'<html lang="([^"]+)"', html)[1]  # the admin's language
    with translation.override(language):
        assert f"<title>{escape(gettext('Sign-in lockouts'))}" in html
    home = client.get("/admin/", HTTP_HOST="bornova.localhost").content.decode()
    assert URL in home  # the Settings menu's item, in the sidebar's data
    response = admin(client, data={"kind": "account", "key": "clerk-bornova"}, follow=True)
    with translation.override(language):
        again = gettext("%(name)s may sign in again.") % {"name": "clerk-bornova"}
    assert escape(again) in response.content.decode()
    assert not AccessAttempt.objects.filter(username="clerk-bornova").exists()
    assert ModelLogEntry.objects.filter(action="accounts.lockout.delete").count() == 1


def test_an_administrator_cannot_unblock_another_municipalitys_clerk(client, bornova, locked):
    client.force_login(member(bornova, "admin-bornova", administrator=True))
    response = admin(client, data={"kind": "account", "key": "clerk-sisli"})
    assert_refused(response)
    assert AccessAttempt.objects.filter(username="clerk-sisli").exists()


def test_staff_who_administer_nothing_are_refused_and_see_no_menu_item(client, bornova, locked):
    client.force_login(member(bornova, "editor-bornova"))
    assert_refused(admin(client))
    assert_refused(admin(client, data={"kind": "account", "key": "clerk-bornova"}))
    assert AccessAttempt.objects.filter(username="clerk-bornova").exists()
    home = client.get("/admin/", HTTP_HOST="bornova.localhost").content.decode()
    assert "sign-in-lockouts" not in home


def test_a_superuser_sees_every_lockout(client, superuser, locked):
    client.force_login(superuser)
    html = admin(client).content.decode()
    assert "clerk-bornova" in html and "clerk-sisli" in html
