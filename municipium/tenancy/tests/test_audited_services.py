"""Staff changes to a municipality and its holidays are named services: each validates, saves
and writes one audit entry (before and after, the municipality's id), or nothing at all."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from municipium.tenancy.models import Municipality, PublicHoliday
from municipium.tenancy.services import (
    municipality_save,
    municipality_staff_groups_add,
    public_holiday_delete,
    public_holiday_save,
    public_holiday_seed,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def bornova(municipality_factory):
    return municipality_factory(slug="bornova")


@pytest.fixture
def clerk(bornova):
    group = Group.objects.create(name="bornova staff")
    bornova.staff_groups.add(group)
    user = get_user_model().objects.create_user("clerk", password="x")
    user.groups.add(group)
    return user


def generation(municipality):
    return Municipality.objects.get(pk=municipality.pk).cache_generation


def test_editing_settings_logs_the_changed_fields_names_and_staff_groups_once(
    bornova, clerk, django_capture_on_commit_callbacks
):
    press = Group.objects.create(name="press office")
    municipality = Municipality.objects.get(pk=bornova.pk)
    municipality.phone = "153"
    with django_capture_on_commit_callbacks(execute=True):
        municipality_save(
            municipality=municipality,
            by=clerk,
            names={"tr": "Bornova Belediyesi", "en": "Bornova (en)"},
            staff_groups=[*bornova.staff_groups.all(), press],
        )
    entry = ModelLogEntry.objects.get()
    assert entry.action == "tenancy.municipality.edit" and entry.user == clerk
    assert entry.data["municipality"] == bornova.pk
    assert entry.data["changes"] == {
        "phone": ["(0232) 555 00 00", "153"],
        "names": [
            {"tr": "Bornova (tr)", "en": "Bornova (en)"},
            {"tr": "Bornova Belediyesi", "en": "Bornova (en)"},
        ],
        "staff_groups": [["bornova staff"], ["bornova staff", "press office"]],
    }
    assert generation(bornova) == bornova.cache_generation + 1  # purged on commit


def test_settings_that_fail_validation_are_neither_saved_nor_logged(bornova, clerk):
    municipality = Municipality.objects.get(pk=bornova.pk)
    municipality.primary_colour = "#ffff00"  # too light for white text
    with pytest.raises(ValidationError):
        municipality_save(municipality=municipality, by=clerk)
    assert Municipality.objects.get(pk=bornova.pk).primary_colour != "#ffff00"
    assert not ModelLogEntry.objects.exists()


def test_saving_unchanged_settings_writes_nothing(bornova, clerk):
    municipality_save(municipality=Municipality.objects.get(pk=bornova.pk), by=clerk)
    assert not ModelLogEntry.objects.exists()


def test_a_stranger_cannot_change_the_settings(bornova, municipality_factory):
    sisli = municipality_factory(slug="sisli")
    group = Group.objects.create(name="sisli staff")
    sisli.staff_groups.add(group)
    stranger = get_user_model().objects.create_user("stranger")
    stranger.groups.add(group)
    municipality = Municipality.objects.get(pk=bornova.pk)
    municipality.phone = "153"
    with pytest.raises(PermissionDenied):
        municipality_save(municipality=municipality, by=stranger)
    assert not ModelLogEntry.objects.exists()


def test_the_purge_does_not_write_an_old_generation_back(
    bornova, clerk, django_capture_on_commit_callbacks
):
    municipality = Municipality.objects.get(pk=bornova.pk)
    for phone in ("153", "154"):
        municipality.phone = phone
        with django_capture_on_commit_callbacks(execute=True):
            municipality_save(municipality=municipality, by=clerk)
    assert generation(bornova) == bornova.cache_generation + 2


def test_a_holiday_added_edited_and_deleted_writes_one_entry_each(bornova, clerk):
    holiday = PublicHoliday(municipality=bornova, date=datetime.date(2027, 3, 10), name="Kandil")
    public_holiday_save(holiday=holiday, by=clerk)
    holiday.name = "Regaip Kandili"
    holiday.is_half_day = True
    public_holiday_save(holiday=holiday, by=clerk)
    public_holiday_delete(holiday=holiday, by=clerk)
    entries = list(ModelLogEntry.objects.order_by("pk"))
    assert [e.action for e in entries] == [
        "tenancy.public_holiday.create",
        "tenancy.public_holiday.edit",
        "tenancy.public_holiday.delete",
    ]
    assert all(e.data["municipality"] == bornova.pk and e.user == clerk for e in entries)
    assert entries[0].data["changes"]["date"] == [None, "2027-03-10"]
    assert entries[1].data["changes"] == {
        "name": ["Kandil", "Regaip Kandili"],
        "is_half_day": [False, True],
    }
    assert entries[2].data["changes"]["name"] == ["Regaip Kandili", None]
    assert not PublicHoliday.objects.exists()


def test_a_second_holiday_on_the_same_day_is_refused_and_not_logged(bornova, clerk):
    public_holiday_save(
        holiday=PublicHoliday(municipality=bornova, date=datetime.date(2027, 3, 10), name="A"),
        by=clerk,
    )
    with pytest.raises(ValidationError):
        public_holiday_save(
            holiday=PublicHoliday(municipality=bornova, date=datetime.date(2027, 3, 10), name="B"),
            by=clerk,
        )
    assert PublicHoliday.objects.count() == 1
    assert ModelLogEntry.objects.count() == 1


def test_a_holiday_cannot_be_moved_to_another_municipality(bornova, clerk, municipality_factory):
    sisli = municipality_factory(slug="sisli")
    holiday = PublicHoliday(municipality=bornova, date=datetime.date(2027, 3, 10), name="Kandil")
    public_holiday_save(holiday=holiday, by=clerk)
    holiday.municipality = sisli
    with pytest.raises(PermissionDenied):
        public_holiday_save(holiday=holiday, by=clerk)
    assert PublicHoliday.objects.get().municipality == bornova
    assert ModelLogEntry.objects.count() == 1


def test_seeding_holidays_is_one_system_entry_with_the_count(bornova):
    added = public_holiday_seed(municipality=bornova, years=[2026])
    entry = ModelLogEntry.objects.get()
    assert entry.action == "tenancy.public_holiday.seed" and entry.user is None
    assert entry.data["municipality"] == bornova.pk
    assert entry.data["count"] == added > 10 and entry.data["years"] == [2026]
    assert entry.message == f"{added} public holidays added from the official calendar."
    public_holiday_seed(municipality=bornova, years=[2026])  # nothing new: no entry
    assert ModelLogEntry.objects.count() == 1


def test_adding_a_staff_group_logs_the_groups_before_and_after_once(bornova, clerk):
    press = Group.objects.create(name="press office")
    municipality_staff_groups_add(municipality=bornova, groups=[press], by=clerk)
    municipality_staff_groups_add(municipality=bornova, groups=[press], by=clerk)  # no change
    entry = ModelLogEntry.objects.get()
    assert entry.data["changes"] == {
        "staff_groups": [["bornova staff"], ["bornova staff", "press office"]]
    }
