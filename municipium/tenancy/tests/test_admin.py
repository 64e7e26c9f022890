"""Staff edit their municipality and its holidays in the admin, and only theirs."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data
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
                "delete_publicholiday",
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
    entry = ModelLogEntry.objects.get()  # the service's, and not Wagtail's own as well
    assert (entry.object_id, entry.action) == (str(holiday.pk), "tenancy.public_holiday.create")
    assert entry.user == bornova_staff and entry.data["municipality"] == bornova.pk


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


@pytest.fixture
def holidays(two_towns):
    bornova, sisli = two_towns
    day = datetime.date(2027, 3, 10)
    return (
        PublicHoliday.objects.create(municipality=bornova, date=day, name="Kandil"),
        PublicHoliday.objects.create(municipality=sisli, date=day, name="Kandil"),
    )


def test_editing_a_holiday_writes_one_entry_with_before_and_after(client, bornova_staff, holidays):
    ours = holidays[0]
    response = client.post(
        **host(f"/admin/holidays/edit/{ours.pk}/"),
        data={"municipality": ours.municipality_id, "date": "2027-03-11", "name": "Kandil"},
    )
    assert response.status_code == 302
    entry = ModelLogEntry.objects.get()
    assert entry.action == "tenancy.public_holiday.edit"
    assert entry.data["changes"] == {"date": ["2027-03-10", "2027-03-11"]}


def test_deleting_a_holiday_writes_one_entry(client, bornova_staff, holidays):
    ours = holidays[0]
    response = client.post(**host(f"/admin/holidays/delete/{ours.pk}/"))
    assert response.status_code == 302
    assert not PublicHoliday.objects.filter(pk=ours.pk).exists()
    entry = ModelLogEntry.objects.get()
    assert entry.action == "tenancy.public_holiday.delete"
    assert entry.data["changes"]["name"] == ["Kandil", None]


def test_staff_cannot_edit_or_delete_another_municipalitys_holiday(client, bornova_staff, holidays):
    theirs = holidays[1]
    data = {"municipality": theirs.municipality_id, "date": "2027-03-11", "name": "X"}
    assert client.post(**host(f"/admin/holidays/edit/{theirs.pk}/"), data=data).status_code == 404
    assert client.post(**host(f"/admin/holidays/delete/{theirs.pk}/")).status_code == 404
    assert PublicHoliday.objects.get(pk=theirs.pk).name == "Kandil"
    assert not ModelLogEntry.objects.exists()


def municipality_form_data(municipality, **changes):
    names = list(municipality.names.order_by("sort_order", "pk"))
    data = {
        "site": municipality.site_id, "slug": municipality.slug,
        "country": municipality.country, "institution_kind": municipality.institution_kind,
        "languages": municipality.languages,
        "default_language": municipality.default_language, "calendar": municipality.calendar,
        "time_zone": municipality.time_zone, "weekend_days": municipality.weekend_days,
        "address": "", "phone": municipality.phone, "call_centre_phone": "",
        "email": municipality.email, "facebook_url": "", "instagram_url": "", "x_url": "",
        "youtube_url": "", "logo": "", "primary_colour": municipality.primary_colour,
        "accent_colour": municipality.accent_colour, "accessibility_declaration": "",
        "public_record": "unknown",
        "office_opens_at": "08:30", "office_closes_at": "17:30", "half_day_closes_at": "12:30",
        "personal_data_retention_months": "24",
        "staff_groups": [g.pk for g in municipality.staff_groups.all()],
        "names": inline_formset(
            [{"id": n.pk, "language": n.language, "name": n.name} for n in names],
            initial=len(names), min=1,
        ),
    }  # fmt: skip
    data.update(changes)
    lists = {key: data.pop(key) for key in ("languages", "weekend_days", "staff_groups")}
    return {**nested_form_data(data), **lists}


def test_editing_the_municipality_writes_one_entry_with_its_names(
    client, bornova_staff, two_towns, django_capture_on_commit_callbacks
):
    bornova = two_towns[0]
    press = Group.objects.create(name="press office")
    data = municipality_form_data(bornova, phone="153")
    data["names-0-name"] = "Bornova Belediyesi"
    data["staff_groups"] = [*data["staff_groups"], press.pk]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(**host(f"/admin/municipalities/edit/{bornova.pk}/"), data=data)
    assert response.status_code == 302, response.context["form"].errors
    entry = ModelLogEntry.objects.get()
    assert entry.action == "tenancy.municipality.edit" and entry.user == bornova_staff
    assert set(entry.data["changes"]) == {"phone", "names", "staff_groups"}
    assert entry.data["changes"]["staff_groups"][1] == ["bornova staff", "press office"]
    assert entry.data["changes"]["names"][1]["tr"] == "Bornova Belediyesi"
    assert type(bornova).objects.get(pk=bornova.pk).cache_generation == 1  # purged


def test_a_municipality_whose_form_fails_is_not_logged(client, bornova_staff, two_towns):
    bornova = two_towns[0]
    data = municipality_form_data(bornova, primary_colour="#ffff00")
    response = client.post(**host(f"/admin/municipalities/edit/{bornova.pk}/"), data=data)
    assert response.status_code == 200
    assert not ModelLogEntry.objects.exists()


def test_a_service_assigned_on_a_viewset_is_called_as_a_function_not_a_method():
    from municipium.tenancy.viewsets import MunicipalityScopedViewSet

    def holiday_save(*, instance, by):
        return instance, by

    class HolidayViewSet(MunicipalityScopedViewSet):
        model = PublicHoliday
        save_service = holiday_save
        delete_service = holiday_save

    viewset = HolidayViewSet("test-holidays")
    assert viewset.get_edit_view_kwargs()["save_service"](instance=1, by=2) == (1, 2)
    assert viewset.get_delete_view_kwargs()["delete_service"](instance=1, by=2) == (1, 2)
