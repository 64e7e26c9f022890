"""Staff type and read dates in their municipality's calendar: an Iranian clerk works in the
Solar Hijri calendar, wherever Wagtail's admin builds a date field or shows a date."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group, Permission

from municipium.tenancy.models import PublicHoliday
from municipium.tenancy.selectors import staff_calendar_get

pytestmark = pytest.mark.django_db

HOLIDAY_PERMISSIONS = [
    "access_admin", "add_publicholiday", "change_publicholiday", "view_publicholiday",
]  # fmt: skip


@pytest.fixture
def bumehen(municipality_factory):
    return municipality_factory(
        slug="bumehen",
        country="IR",
        languages=["fa", "en"],
        calendar="solar_hijri",
        time_zone="Asia/Tehran",
        weekend_days=[4],
    )


@pytest.fixture
def bornova(municipality_factory):
    return municipality_factory(slug="bornova")


def staff_of(*municipalities, username="clerk"):
    user = get_user_model().objects.create_user(username, password="x")
    for municipality in municipalities:
        group = Group.objects.create(name=f"{municipality.slug} {username}")
        group.permissions.add(*Permission.objects.filter(codename__in=HOLIDAY_PERMISSIONS))
        municipality.staff_groups.add(group)
        user.groups.add(group)
    return user


def test_staff_of_one_municipality_work_in_its_calendar_on_any_host(bumehen, bornova):
    clerk = staff_of(bumehen)
    assert staff_calendar_get(user=clerk, host_municipality=bumehen) == "solar_hijri"
    assert staff_calendar_get(user=clerk, host_municipality=None) == "solar_hijri"
    assert staff_calendar_get(user=clerk, host_municipality=bornova) == "solar_hijri"


def test_staff_of_two_municipalities_work_in_the_calendar_of_the_host(bumehen, bornova):
    clerk = staff_of(bumehen, bornova)
    assert staff_calendar_get(user=clerk, host_municipality=bumehen) == "solar_hijri"
    assert staff_calendar_get(user=clerk, host_municipality=bornova) == "gregorian"


def test_staff_of_two_municipalities_on_the_installations_host_work_in_gregorian(bumehen, bornova):
    clerk = staff_of(bumehen, bornova)
    assert staff_calendar_get(user=clerk, host_municipality=None) == "gregorian"


def test_a_superuser_works_in_the_hosts_calendar_and_a_stranger_in_gregorian(bumehen, bornova):
    admin = get_user_model().objects.create_superuser("admin", "a@example.org", "x")
    assert staff_calendar_get(user=admin, host_municipality=bumehen) == "solar_hijri"
    assert staff_calendar_get(user=admin, host_municipality=None) == "gregorian"
    assert staff_calendar_get(user=AnonymousUser(), host_municipality=bumehen) == "gregorian"


def test_the_calendar_is_resolved_in_one_query(bumehen, django_assert_num_queries):
    clerk = staff_of(bumehen)
    with django_assert_num_queries(1):
        staff_calendar_get(user=clerk, host_municipality=bumehen)


def bumehen_host(path):
    return {"path": path, "HTTP_HOST": "bumehen.localhost"}


def test_an_iranian_clerk_saves_a_holiday_typed_in_solar_hijri_as_gregorian(client, bumehen):
    client.force_login(staff_of(bumehen))
    response = client.post(
        **bumehen_host("/admin/holidays/new/"),
        data={"municipality": bumehen.pk, "date": "۱۴۰۵/۰۲/۱۰", "name": "روز نمونه"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert PublicHoliday.objects.get(municipality=bumehen).date == datetime.date(2026, 4, 30)


def test_the_holiday_list_shows_the_date_in_solar_hijri_with_persian_digits(client, bumehen):
    PublicHoliday.objects.create(municipality=bumehen, date=datetime.date(2026, 4, 30), name="x")
    client.force_login(staff_of(bumehen))
    html = client.get(**bumehen_host("/admin/holidays/")).content.decode()
    assert "۱۰ اردیبهشت ۱۴۰۵" in html
    assert "آوریل" not in html  # Babel's Gregorian April, as Wagtail would have shown it


def test_the_edit_form_shows_the_stored_date_in_solar_hijri_with_the_picker(client, bumehen):
    holiday = PublicHoliday.objects.create(
        municipality=bumehen, date=datetime.date(2026, 4, 30), name="x"
    )
    client.force_login(staff_of(bumehen))
    html = client.get(**bumehen_host(f"/admin/holidays/edit/{holiday.pk}/")).content.decode()
    assert 'value="۱۴۰۵/۰۲/۱۰"' in html
    assert "data-solar-hijri-picker" in html and "solar-hijri-picker.js" in html
    assert "initDateChooser" not in html


def test_an_impossible_date_is_refused_with_its_reason_and_nothing_is_saved(client, bumehen):
    clerk = staff_of(bumehen)
    client.force_login(clerk)
    response = client.post(
        **bumehen_host("/admin/holidays/new/"),
        data={"municipality": bumehen.pk, "date": "1404/12/30", "name": "x"},
    )
    assert response.status_code == 200
    # In the clerk's language (Persian, the host's), with the month's Persian name and digits.
    assert "اسفند ۱۴۰۴" in response.content.decode()
    assert not PublicHoliday.objects.exists()


def test_a_gregorian_municipalitys_clerk_keeps_wagtails_date_field(client, bornova):
    client.force_login(staff_of(bornova))
    response = client.post(
        path="/admin/holidays/new/",
        HTTP_HOST="bornova.localhost",
        data={"municipality": bornova.pk, "date": "2026-04-30", "name": "x"},
    )
    assert response.status_code == 302
    assert PublicHoliday.objects.get().date == datetime.date(2026, 4, 30)
    html = client.get(path="/admin/holidays/new/", HTTP_HOST="bornova.localhost").content
    assert b"initDateChooser" in html and b"data-solar-hijri-picker" not in html


def test_an_iranian_editors_publishing_schedule_is_in_solar_hijri(client, bumehen):
    admin = get_user_model().objects.create_superuser("admin", "a@example.org", "x")
    client.force_login(admin)
    home = bumehen.homes["fa"]
    html = client.get(**bumehen_host(f"/admin/pages/{home.pk}/edit/")).content.decode()
    # Wagtail's publishing panel chooses its own widget: the calendar's replaces it.
    picker = r'<span class="solar-hijri-input" data-solar-hijri-picker="datetime"[^>]*>'
    assert re.search(picker + r'<input type="text" name="go_live_at"', html)
    assert "initDateTimeChooser" not in html


def test_the_editors_panel_tree_describes_the_calendar_widget_without_wagtails_date_script(
    client, bumehen, bornova
):
    admin = get_user_model().objects.create_superuser("admin", "a@example.org", "x")
    client.force_login(admin)
    home = bumehen.homes["fa"]
    html = client.get(**bumehen_host(f"/admin/pages/{home.pk}/edit/")).content.decode()
    # Wagtail packs every panel's widget for its client side; its date constructor is not loaded.
    assert "wagtail.widgets.AdminDateTimeInput" not in html
    gregorian = client.get(
        path=f"/admin/pages/{bornova.homes['tr'].pk}/edit/", HTTP_HOST="bornova.localhost"
    )
    assert "wagtail.widgets.AdminDateTimeInput" in gregorian.content.decode()
