"""Reads of directorates and people stay within one municipality."""

import datetime

import pytest

from municipium.directory.models import DirectorateRole
from municipium.directory.selectors import (
    directorate_get_detail,
    directory_list,
    person_list_for_user,
)
from municipium.directory.services import directorate_roles_set, directorate_units_set

from .factories import PersonFactory, directorate

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 23)


@pytest.fixture
def staffed(bornova, culture):
    units = directorate_units_set(page=culture, units=[("Sergi ve Arşiv Birimi", None)])
    director = PersonFactory(municipality=bornova, name="Deniz Arslan")
    head = PersonFactory(municipality=bornova, name="Gizem Tekin")
    former = PersonFactory(municipality=bornova, name="Eski Müdür")
    directorate_roles_set(
        page=culture,
        roles=[
            {"person": director, "title": "Müdür", "is_head": True, "unit": None},
            {"person": head, "title": "Birim Sorumlusu", "is_head": True,
             "unit": units["Sergi ve Arşiv Birimi"]},
            {"person": former, "title": "Müdür", "is_head": True, "unit": None,
             "ended_on": datetime.date(2020, 1, 1)},
        ],
    )  # fmt: skip
    return culture


def smuggle(page, person, title="Sızan Kişi"):
    """A role given to another municipality's person behind the services' back."""
    DirectorateRole.objects.create(page=page, person=person, title=title, sort_order=99)


def test_the_detail_has_the_current_director_and_leaves_former_roles_out(bornova, staffed):
    detail = directorate_get_detail(page=staffed, municipality=bornova, today=TODAY)
    assert detail.director.person.name == "Deniz Arslan"
    assert [role.person.name for role in detail.roles] == ["Deniz Arslan", "Gizem Tekin"]
    assert [node.name for node in detail.org_chart.walk()] == [
        "Kültür ve Sosyal İşler Müdürlüğü",
        "Sergi ve Arşiv Birimi",
    ]


def test_a_person_of_another_municipality_never_appears(bornova, sisli, staffed):
    smuggle(staffed, PersonFactory(municipality=sisli, name="Sızan Kişi"))
    detail = directorate_get_detail(page=staffed, municipality=bornova, today=TODAY)
    listing = directory_list(index=bornova.index, municipality=bornova, today=TODAY)
    names = {role.person.name for role in [*detail.roles, *listing.roles]}
    assert "Sızan Kişi" not in names and "Deniz Arslan" in names


def test_without_a_municipality_nobody_is_shown(staffed):
    assert directorate_get_detail(page=staffed, municipality=None, today=TODAY).roles == []


@pytest.mark.parametrize(
    ("query", "people"),
    [
        ("", ["Deniz Arslan", "Gizem Tekin"]),
        ("MÜDÜR", ["Deniz Arslan"]),  # a title, in capitals
        ("arşiv", ["Gizem Tekin"]),  # a unit
        ("GİZEM", ["Gizem Tekin"]),  # Turkish dotted capital İ
        ("gizem TEKIN", ["Gizem Tekin"]),  # dotless capital I
        ("nobody", []),
    ],
)
def test_the_directory_filters_by_name_title_or_unit(bornova, staffed, query, people):
    listing = directory_list(index=bornova.index, municipality=bornova, today=TODAY, query=query)
    assert [role.person.name for role in listing.roles] == people


def test_the_directory_filters_by_directorate(bornova, staffed):
    parks = directorate(bornova.index, slug="park", title="Park ve Bahçeler Müdürlüğü")
    directorate_roles_set(
        page=parks,
        roles=[{"person": PersonFactory(municipality=bornova, name="Ayşe Çelik"),
                "title": "Müdür", "is_head": True}],
    )  # fmt: skip
    every = directory_list(index=bornova.index, municipality=bornova, today=TODAY)
    assert [page.title for page in every.choices] == [staffed.title, parks.title]
    assert len(every.roles) == 3
    only_parks = directory_list(
        index=bornova.index, municipality=bornova, today=TODAY, directorate_id=parks.pk
    )
    assert only_parks.selected == parks and only_parks.directorates == [parks]
    assert [role.person.name for role in only_parks.roles] == ["Ayşe Çelik"]
    unknown = directory_list(
        index=bornova.index, municipality=bornova, today=TODAY, directorate_id=999_999
    )
    assert unknown.selected is None and len(unknown.roles) == 3


def test_the_directory_matches_directorates_by_title(bornova, staffed):
    listing = directory_list(index=bornova.index, municipality=bornova, today=TODAY, query="kültür")
    assert listing.directorates == [staffed]


def test_staff_list_only_the_people_of_their_municipality(bornova, sisli, django_user_model):
    from django.contrib.auth.models import Group

    PersonFactory(municipality=bornova, name="Bornovalı")
    PersonFactory(municipality=sisli, name="Şişlili")
    group = Group.objects.create(name="bornova staff")
    bornova.staff_groups.add(group)
    clerk = django_user_model.objects.create_user("clerk")
    clerk.groups.add(group)
    assert [person.name for person in person_list_for_user(user=clerk)] == ["Bornovalı"]
