"""Staff edit their municipality and its holidays in the admin, and only theirs."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from municipium.tenancy.models import PublicHoliday

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_towns(municipality_factory):
    return municipality_factory(slug="bornova"), municipality_factory(slug="sisli")


@pytest.fixture
def bornova_staff(client, two_towns):
    group = Group.objects.create(name="bornova staff")
    group.permissions.add(
        *Permission.objects.filter(
            codename__in=[
                "access_admin", "change_municipality", "view_municipality",
                "add_publicholiday", "change_publicholiday", "view_publicholiday",
            ]
        )
    )  # fmt: skip
    two_towns[0].staff_groups.add(group)
    user = get_user_model().objects.create_user("clerk", password="x")
    user.groups.add(group)
    client.force_login(user)
    return user


def host(path):
    return {"path": path, "HTTP_HOST": "bornova.localhost"}


def test_staff_list_only_their_municipality(client, bornova_staff, two_towns):
    response = client.get(**host("/admin/municipalities/"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bornova" in html and "Sisli" not in html


def test_staff_cannot_open_another_municipality(client, bornova_staff, two_towns):
    sisli = two_towns[1]
    response = client.get(**host(f"/admin/municipalities/edit/{sisli.pk}/"))
    assert response.status_code == 404


def test_a_holiday_staff_add_is_stored_and_logged(client, bornova_staff, two_towns):
    bornova = two_towns[0]
    response = client.post(
        **host("/admin/holidays/new/"),
        data={"municipality": bornova.pk, "date": "2027-03-10", "name": "Kandil"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    holiday = PublicHoliday.objects.get(municipality=bornova, date=datetime.date(2027, 3, 10))
    assert ModelLogEntry.objects.filter(object_id=str(holiday.pk), action="wagtail.create").exists()


def test_staff_cannot_add_a_holiday_to_another_municipality(client, bornova_staff, two_towns):
    sisli = two_towns[1]
    response = client.post(
        **host("/admin/holidays/new/"),
        data={"municipality": sisli.pk, "date": "2027-03-10", "name": "Kandil"},
    )
    assert response.status_code == 200  # the form comes back with an error
    assert not PublicHoliday.objects.filter(municipality=sisli).exists()


@pytest.mark.parametrize(("language", "direction"), [("fa", "rtl"), ("tr", "ltr"), ("pl", "ltr")])
def test_staff_use_the_admin_in_their_language(client, bornova_staff, language, direction):
    profile = UserProfile.get_for_user(bornova_staff)
    profile.preferred_language = language
    profile.save()
    html = client.get(**host("/admin/")).content.decode()
    assert f'lang="{language}" dir="{direction}"' in html


@pytest.mark.parametrize("view", ["history", "usage"])
def test_staff_cannot_read_another_municipalitys_history_or_usage(
    client, bornova_staff, two_towns, view
):
    bornova, sisli = two_towns
    assert client.get(**host(f"/admin/municipalities/{view}/{bornova.pk}/")).status_code == 200
    assert client.get(**host(f"/admin/municipalities/{view}/{sisli.pk}/")).status_code == 404


def test_staff_set_their_office_hours_in_the_municipality_form(client, bornova_staff, two_towns):
    bornova = two_towns[0]
    html = client.get(**host(f"/admin/municipalities/edit/{bornova.pk}/")).content.decode()
    for field in ("office_opens_at", "office_closes_at", "half_day_closes_at"):
        assert f'name="{field}"' in html
