"""API keys: issued by a municipality's administrators in the admin, shown once, stored as a
digest, revocable, every change audited and scoped to the staff's municipalities."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.test import Client
from wagtail.models import ModelLogEntry

from municipium.core.demo import DemoSite
from municipium.open311.demo import demo_api_client, demo_key
from municipium.open311.keys import key_hash
from municipium.open311.models import ApiClient
from municipium.open311.selectors import api_client_get_for_key
from municipium.open311.services import api_client_create, api_client_revoke, api_client_save
from municipium.organisation.tests.factories import staff_user

from .test_open311_api import post

pytestmark = pytest.mark.django_db


def test_a_key_is_stored_only_as_its_digest_and_found_by_it(bornova):
    stored = ApiClient.objects.get(pk=bornova.client_app.pk)
    assert stored.key_hash == key_hash(bornova.key) and bornova.key not in stored.key_hash
    assert stored.key_prefix == bornova.key[:8]
    found = api_client_get_for_key(municipality=bornova.municipality, key=bornova.key)
    assert found == stored
    assert api_client_get_for_key(municipality=bornova.municipality, key="") is None


def test_creating_and_revoking_are_audited_without_the_key(bornova):
    entry = ModelLogEntry.objects.get(action="open311.api_client.create")
    assert entry.data["municipality"] == bornova.municipality.pk
    assert "key_hash" not in entry.data["changes"] and bornova.key not in str(entry.data)
    api_client_revoke(api_client=bornova.client_app, by=None)
    revoked = ModelLogEntry.objects.get(action="open311.api_client.edit")
    assert revoked.data["changes"]["is_active"] == [True, False]
    assert api_client_get_for_key(municipality=bornova.municipality, key=bornova.key) is None
    assert post(bornova).status_code == 403
    bornova.client_app.is_active = True
    api_client_save(instance=bornova.client_app, by=None)
    assert post(bornova).status_code == 200


def test_staff_of_another_municipality_may_not_issue_a_key(bornova, sisli):
    stranger = staff_user(sisli.municipality, "stranger", unit=sisli.lights)
    with pytest.raises(PermissionDenied):
        api_client_create(municipality=bornova.municipality, name="sneaky", by=stranger)
    assert not ApiClient.objects.filter(name="sneaky").exists()


def _administrator(town, username):
    group, _created = Group.objects.get_or_create(name=f"{username} administrators")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="open311"),
    )
    town.municipality.staff_groups.add(group)
    user = staff_user(town.municipality, username, unit=town.lights)
    user.groups.add(group)
    client = Client(HTTP_HOST=town.host)
    client.force_login(user)
    return client


def test_an_administrator_issues_a_key_shown_once_that_the_api_accepts(bornova, sisli):
    admin = _administrator(bornova, "admin-bornova")
    response = admin.post(
        "/admin/api-clients/new/",
        {"municipality": bornova.municipality.pk, "name": "Fix my street", "contact": "dev@x"},
    )
    assert response.status_code == 200, response.content[:500]
    assert "no-store" in response["Cache-Control"]
    key = re.search(rb"data-open311-key>([^<]+)<", response.content).group(1).decode()
    created = ApiClient.objects.get(name="Fix my street")
    assert created.key_hash == key_hash(key)
    assert post(bornova, api_key=key).status_code == 200
    # Not shown again: the list and the edit form never hold it.
    assert key.encode() not in admin.get("/admin/api-clients/").content
    assert key.encode() not in admin.get(f"/admin/api-clients/edit/{created.pk}/").content


def test_an_administrator_sees_and_edits_only_their_municipalitys_clients(bornova, sisli):
    admin = _administrator(bornova, "admin-bornova")
    listing = admin.get("/admin/api-clients/").content.decode()
    assert "bornova app" in listing and "sisli app" not in listing
    assert admin.get(f"/admin/api-clients/edit/{sisli.client_app.pk}/").status_code == 404
    response = admin.post(
        "/admin/api-clients/new/",
        {"municipality": sisli.municipality.pk, "name": "sneaky", "contact": ""},
    )
    assert not ApiClient.objects.filter(name="sneaky").exists()
    assert response.status_code == 200


def test_the_demo_gives_each_site_a_client_with_its_published_key_once(bornova):
    administrators = Group.objects.create(name="bornova administrators")
    site = DemoSite(key="bornova", definition=None, made={"municipality": bornova.municipality})
    demo_api_client(site)
    demo_api_client(site)
    assert ApiClient.objects.filter(municipality=bornova.municipality, name="Demo app").count() == 1
    assert administrators.permissions.filter(codename="add_apiclient").exists()
    assert post(bornova, api_key=demo_key("bornova")).status_code == 200


def test_the_settings_menu_offers_api_clients_to_administrators_only(bornova):
    admin = _administrator(bornova, "admin-bornova")
    assert b"/admin/api-clients/" in admin.get("/admin/").content
    clerk = Client(HTTP_HOST=bornova.host)
    user = staff_user(bornova.municipality, "clerk", unit=bornova.lights)
    group = Group.objects.create(name="clerks")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    bornova.municipality.staff_groups.add(group)
    user.groups.add(group)
    clerk.force_login(user)
    assert b"/admin/api-clients/" not in clerk.get("/admin/").content
    assert clerk.get("/admin/api-clients/").status_code in (302, 403)
