"""Alerts are published, changed and withdrawn by audited services, in the admin too: one
entry each, and only in the municipalities the member of staff works for."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from municipium.portal.models import Alert
from municipium.portal.services import alert_delete, alert_save

pytestmark = pytest.mark.django_db

START = datetime.datetime(2027, 1, 5, 9, 0, tzinfo=datetime.UTC)
ALERT_PERMISSIONS = ["add_alert", "change_alert", "delete_alert", "view_alert"]


@pytest.fixture
def towns(municipality_factory):
    return municipality_factory(slug="bornova"), municipality_factory(slug="sisli")


@pytest.fixture
def editor(client, towns):
    group = Group.objects.create(name="bornova staff")
    group.permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", *ALERT_PERMISSIONS])
    )
    towns[0].staff_groups.add(group)
    user = get_user_model().objects.create_user("editor", password="x")
    user.groups.add(group)
    client.force_login(user)
    return user


def water_cut(municipality):
    return Alert(
        municipality=municipality, language="tr", message="Su kesintisi", severity="warning",
        starts_at=START, ends_at=START + datetime.timedelta(hours=5),
    )  # fmt: skip


def form_data(alert, **changes):
    data = {
        "municipality": alert.municipality_id, "language": alert.language,
        "message": alert.message, "link_url": "", "severity": alert.severity,
        "starts_at": "2027-01-05 12:00", "ends_at": "2027-01-05 17:00",
    }  # fmt: skip
    return {**data, **changes}


def post(client, path, data=None):
    return client.post(path, data=data or {}, HTTP_HOST="bornova.localhost")


def test_alert_services_write_one_entry_each_with_before_and_after(towns, editor):
    alert = alert_save(alert=water_cut(towns[0]), by=editor)
    alert.severity = "danger"
    alert_save(alert=alert, by=editor)
    alert_delete(alert=alert, by=editor)
    entries = list(ModelLogEntry.objects.order_by("pk"))
    assert [e.action for e in entries] == [
        "portal.alert.create",
        "portal.alert.edit",
        "portal.alert.delete",
    ]
    assert {e.data["municipality"] for e in entries} == {towns[0].pk}
    assert entries[1].data["changes"] == {"severity": ["warning", "danger"]}
    assert entries[1].message == "Alert changed. Changed: Severity."


def test_an_alert_that_ends_before_it_starts_is_neither_saved_nor_logged(towns, editor):
    alert = water_cut(towns[0])
    alert.ends_at = START - datetime.timedelta(hours=1)
    with pytest.raises(ValidationError):
        alert_save(alert=alert, by=editor)
    assert not Alert.objects.exists() and not ModelLogEntry.objects.exists()


def test_adding_editing_and_deleting_in_the_admin_writes_one_entry_each(client, towns, editor):
    assert post(client, "/admin/alerts/new/", form_data(water_cut(towns[0]))).status_code == 302
    alert = Alert.objects.get()
    edited = post(client, f"/admin/alerts/edit/{alert.pk}/", form_data(alert, message="Yeni"))
    assert edited.status_code == 302
    assert post(client, f"/admin/alerts/delete/{alert.pk}/").status_code == 302
    entries = list(ModelLogEntry.objects.order_by("pk"))
    assert [e.action for e in entries] == [
        "portal.alert.create",
        "portal.alert.edit",
        "portal.alert.delete",
    ]
    assert entries[1].data["changes"] == {"message": ["Su kesintisi", "Yeni"]}
    assert all(e.user == editor for e in entries)


def test_an_editor_cannot_change_another_municipalitys_alert(client, towns, editor):
    theirs = alert_save(alert=water_cut(towns[1]), by=None)
    ModelLogEntry.objects.all().delete()
    changed = post(client, f"/admin/alerts/edit/{theirs.pk}/", form_data(theirs, message="X"))
    assert changed.status_code == 404
    assert post(client, f"/admin/alerts/delete/{theirs.pk}/").status_code == 404
    refused = post(client, "/admin/alerts/new/", form_data(water_cut(towns[1])))
    assert refused.status_code == 200  # the form offers only Bornova
    assert Alert.objects.get().message == "Su kesintisi"
    assert not ModelLogEntry.objects.exists()


def test_an_editor_in_another_time_zone_changes_only_what_they_changed(client, towns, editor):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(editor)
    profile.current_time_zone = "Asia/Tehran"
    profile.save()
    post(client, "/admin/alerts/new/", form_data(water_cut(towns[0])))
    alert = Alert.objects.get()
    assert alert.starts_at == datetime.datetime(2027, 1, 5, 8, 30, tzinfo=datetime.UTC)
    post(client, f"/admin/alerts/edit/{alert.pk}/", form_data(alert, message="Yeni"))
    edited = ModelLogEntry.objects.get(action="portal.alert.edit")
    assert edited.data["changes"] == {"message": ["Su kesintisi", "Yeni"]}
