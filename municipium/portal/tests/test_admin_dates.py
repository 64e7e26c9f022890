"""An Iranian clerk sets an alert's times in the Solar Hijri calendar and their own time zone:
the database keeps UTC, the list shows them back as the clerk typed them."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.users.models import UserProfile

from municipium.portal.models import Alert

pytestmark = pytest.mark.django_db


@pytest.fixture
def bumehen_clerk(client, municipality_factory):
    bumehen = municipality_factory(
        slug="bumehen", country="IR", languages=["fa", "en"], calendar="solar_hijri",
        time_zone="Asia/Tehran", weekend_days=[4],
    )  # fmt: skip
    group = Group.objects.create(name="bumehen staff")
    group.permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "add_alert", "change_alert", "view_alert"]
        )
    )
    bumehen.staff_groups.add(group)
    clerk = get_user_model().objects.create_user("clerk", password="x")
    clerk.groups.add(group)
    profile = UserProfile.get_for_user(clerk)
    profile.current_time_zone = "Asia/Tehran"
    profile.save()
    client.force_login(clerk)
    return bumehen


def test_alert_times_typed_in_solar_hijri_are_stored_in_utc_and_listed_back(client, bumehen_clerk):
    response = client.post(
        "/admin/alerts/new/",
        HTTP_HOST="bumehen.localhost",
        data={
            "municipality": bumehen_clerk.pk,
            "language": "fa",
            "message": "قطعی آب",
            "severity": "warning",
            "starts_at": "۱۴۰۵/۰۲/۱۰ ۰۹:۰۰",
            "ends_at": "1405/02/11 18:30",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    alert = Alert.objects.get()
    assert alert.starts_at == datetime.datetime(2026, 4, 30, 5, 30, tzinfo=datetime.UTC)
    assert alert.ends_at == datetime.datetime(2026, 5, 1, 15, 0, tzinfo=datetime.UTC)
    listing = client.get("/admin/alerts/", HTTP_HOST="bumehen.localhost").content.decode()
    assert "۱۰ اردیبهشت ۱۴۰۵ ۹:۰۰" in listing
    edit = client.get(f"/admin/alerts/edit/{alert.pk}/", HTTP_HOST="bumehen.localhost")
    assert 'value="۱۴۰۵/۰۲/۱۰ ۰۹:۰۰"' in edit.content.decode()
