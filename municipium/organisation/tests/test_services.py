"""Changes to the organisation: validated, atomic, one audit entry each with before and after,
nothing written when a rule refuses them; the database holds the rule of one head per unit."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from wagtail.models import ModelLogEntry

from municipium.organisation.models import Membership, Person, Position, Unit
from municipium.organisation.services import (
    membership_delete,
    membership_ensure,
    person_save,
    unit_delete,
    unit_save,
)

from .factories import PersonFactory, job_title, positions, staff_user, unit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english():
    """Messages are matched in English, whatever language an earlier test left active."""
    with translation.override("en"):
        yield


def entries(action):
    return list(ModelLogEntry.objects.filter(action=action))


def test_creating_a_unit_writes_one_entry_with_its_names_and_scope(bornova):
    made = unit(bornova, "kultur", names={"tr": "Kültür", "en": "Culture"})
    [entry] = entries("organisation.unit.create")
    assert entry.object_id == str(made.pk)
    assert entry.data["municipality"] == bornova.pk and entry.data["unit"] == made.pk
    assert entry.data["changes"]["names"] == [None, {"tr": "Kültür", "en": "Culture"}]
    assert entry.data["changes"]["code"] == [None, "kultur"]


def test_renaming_a_unit_logs_only_what_changed_and_the_acting_user(bornova):
    made = unit(bornova, "kultur", names={"tr": "Kültür", "en": "Culture"})
    admin = staff_user(bornova, "admin-bornova", administrator=True)
    unit(bornova, "kultur", names={"tr": "Kültür Müdürlüğü", "en": "Culture"})
    unit_save(instance=Unit.objects.get(pk=made.pk), by=admin)  # unchanged: no entry
    [entry] = entries("organisation.unit.edit")
    assert entry.data["changes"] == {
        "names": [{"tr": "Kültür", "en": "Culture"}, {"tr": "Kültür Müdürlüğü", "en": "Culture"}]
    }
    made.is_active = False
    unit_save(instance=made, by=admin)
    last = ModelLogEntry.objects.filter(action="organisation.unit.edit").latest("timestamp")
    assert last.user == admin and last.data["changes"] == {"is_active": [True, False]}


def test_a_unit_of_another_municipality_cannot_be_the_parent(bornova, sisli):
    foreign = unit(sisli, "ozel-kalem")
    count = ModelLogEntry.objects.count()
    with pytest.raises(ValidationError):
        unit(bornova, "kultur", parent=foreign)
    assert not Unit.objects.filter(code="kultur").exists()
    assert ModelLogEntry.objects.count() == count


def test_units_cannot_form_a_loop(bornova):
    top = unit(bornova, "a")
    below = unit(bornova, "b", parent=top)
    top.parent = below
    count = ModelLogEntry.objects.count()
    with pytest.raises(ValidationError):
        unit_save(instance=top, by=None)
    assert Unit.objects.get(pk=top.pk).parent_id is None
    assert ModelLogEntry.objects.count() == count


def test_a_name_in_a_language_the_municipality_does_not_publish_in_is_refused(bornova):
    with pytest.raises(ValidationError, match="fa"):
        unit(bornova, "kultur", names={"fa": "فرهنگی"})
    assert not Unit.objects.exists()


def test_the_database_refuses_a_second_current_head(bornova):
    made = unit(bornova, "kultur")
    title = job_title(bornova)
    Position.objects.create(unit=made, person=PersonFactory(municipality=bornova), job_title=title,
                            is_head=True)  # fmt: skip
    with pytest.raises(IntegrityError), transaction.atomic():
        Position.objects.create(
            unit=made, person=PersonFactory(municipality=bornova), job_title=title, is_head=True
        )
    # A former head, whose position ended, is no rival.
    Position.objects.create(
        unit=made, person=PersonFactory(municipality=bornova), job_title=title, is_head=True,
        appointed_on=datetime.date(2010, 1, 1), ended_on=datetime.date(2015, 1, 1),
    )  # fmt: skip


def test_two_heads_are_refused_with_a_message_and_nothing_is_saved(bornova):
    made = unit(bornova, "kultur")
    title = job_title(bornova)
    count = ModelLogEntry.objects.count()
    with pytest.raises(ValidationError, match="already has a head"):
        positions(
            made,
            (PersonFactory(municipality=bornova), title, True),
            (PersonFactory(municipality=bornova), title, True),
        )
    assert not Position.objects.exists() and ModelLogEntry.objects.count() == count
    with pytest.raises(ValidationError, match="already has a head"):
        positions(
            made,
            (PersonFactory(municipality=bornova), title, True, datetime.date(2020, 1, 1),
             datetime.date(2022, 1, 1)),
            (PersonFactory(municipality=bornova), title, True, datetime.date(2021, 6, 1)),
        )  # fmt: skip


def test_a_position_goes_only_to_the_municipalitys_people_and_titles(bornova, sisli):
    made = unit(bornova, "kultur")
    with pytest.raises(ValidationError, match="another municipality"):
        positions(made, (PersonFactory(municipality=sisli), job_title(bornova), False))
    with pytest.raises(ValidationError, match="another municipality"):
        positions(made, (PersonFactory(municipality=bornova), job_title(sisli), False))
    assert not Position.objects.exists()


def test_positions_are_logged_with_the_unit(bornova):
    made = unit(bornova, "kultur")
    person = PersonFactory(municipality=bornova)
    positions(made, (person, job_title(bornova), True))
    [entry] = entries("organisation.unit.edit")
    assert entry.data["changes"]["positions"][1][0]["person"] == person.pk


def test_a_unit_with_units_below_or_a_page_is_not_deleted(bornova):
    top = unit(bornova, "kultur")
    unit(bornova, "sergi", parent=top)
    with pytest.raises(ValidationError):
        unit_delete(instance=top, by=None)
    assert Unit.objects.filter(pk=top.pk).exists()
    assert not entries("organisation.unit.delete")


def test_changing_a_person_purges_the_cached_pages_and_is_logged(bornova):
    person = PersonFactory(municipality=bornova, name="Deniz Arslan")
    before = type(bornova).objects.get(pk=bornova.pk).cache_generation
    person.name = "Deniz Arslan Yıldız"
    person_save(instance=person, by=None)
    assert type(bornova).objects.get(pk=bornova.pk).cache_generation == before + 1
    [entry] = entries("organisation.person.edit")
    assert entry.data["changes"] == {"name": ["Deniz Arslan", "Deniz Arslan Yıldız"]}
    assert Person.objects.get().name == "Deniz Arslan Yıldız"


def test_a_membership_needs_someone_who_works_for_the_municipality(bornova, sisli):
    made = unit(bornova, "kultur")
    outsider = staff_user(sisli, "sisli-clerk")
    with pytest.raises(ValidationError, match="does not work for"):
        membership_ensure(user=outsider, unit=made, role="clerk", by=None)
    assert not Membership.objects.exists()
    clerk = staff_user(bornova, "clerk", unit=made)
    membership = Membership.objects.get(user=clerk)
    [created] = entries("organisation.membership.create")
    assert created.data["unit"] == made.pk and created.data["changes"]["role"] == [None, "clerk"]
    membership_delete(instance=membership, by=None)
    assert not Membership.objects.exists()
    [deleted] = entries("organisation.membership.delete")
    assert deleted.data["changes"]["user"] == [clerk.pk, None]


def test_the_history_message_names_the_changed_fields_as_staff_read_them(bornova):
    from wagtail.log_actions import registry

    made = unit(bornova, "kultur")
    made.is_active = False
    made.sort_order = 3
    unit_save(instance=made, by=None)
    entry = ModelLogEntry.objects.get(action="organisation.unit.edit")
    message = registry.get_formatter(entry).format_message(entry)
    assert message == "Unit changed. Changed: Active and Order."
