"""Reads of directorates and people stay within one municipality."""

import datetime

import pytest

from municipium.directory.selectors import directorate_get_detail, directory_list, directory_read
from municipium.organisation.models import Position, Unit
from municipium.organisation.tests.factories import PersonFactory, job_title, positions, unit

from .factories import directorate

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 23)


@pytest.fixture
def staffed(bornova, culture):
    top = unit(bornova, "kultur", kind=Unit.Kind.DIRECTORATE)
    section = unit(bornova, "sergi", parent=top, names={"tr": "Sergi ve Arşiv Birimi"})
    director = job_title(bornova, "mudur", tr="Müdür")
    positions(
        top,
        (PersonFactory(municipality=bornova, name="Deniz Arslan"), director, True),
        (PersonFactory(municipality=bornova, name="Eski Müdür"), director, True,
         datetime.date(2015, 1, 1), datetime.date(2020, 1, 1)),
    )  # fmt: skip
    head = job_title(bornova, "birim-sorumlusu", tr="Birim Sorumlusu")
    positions(section, (PersonFactory(municipality=bornova, name="Gizem Tekin"), head, True))
    culture.unit = top
    culture.save()
    return culture


def smuggle(page, person):
    """A position given to another municipality's person behind the services' back."""
    title = job_title(person.municipality, "sizan", tr="Sızan")
    Position.objects.create(unit=page.unit, person=person, job_title=title, sort_order=99)


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
    foreign = unit(sisli, "ozel-kalem", kind=Unit.Kind.DIRECTORATE)
    other = directorate(bornova.index, slug="yabanci", title="Yabancı")
    other.unit = foreign  # a page pointing at another municipality's unit shows nobody
    other.save()
    positions(
        foreign, (PersonFactory(municipality=sisli, name="Şişlili Müdür"), job_title(sisli), True)
    )
    detail = directorate_get_detail(page=staffed, municipality=bornova, today=TODAY)
    listing = directory_list(
        read=directory_read(index=bornova.index, municipality=bornova, today=TODAY)
    )
    names = {role.person.name for role in [*detail.roles, *listing.roles]}
    assert "Sızan Kişi" not in names and "Deniz Arslan" in names
    assert "Şişlili Müdür" not in names
    assert directorate_get_detail(page=other, municipality=bornova, today=TODAY).roles == []


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
        ("arsiv", ["Gizem Tekin"]),  # typed without Turkish letters
        ("mudur", ["Deniz Arslan"]),
        ("müdürü", ["Deniz Arslan"]),  # an inflected form, by its stem
        ("nobody", []),
    ],
)
def test_the_directory_filters_by_name_title_or_unit(bornova, staffed, query, people):
    listing = directory_list(
        read=directory_read(index=bornova.index, municipality=bornova, today=TODAY),
        query=query,
        language="tr",
    )
    assert [role.person.name for role in listing.roles] == people


def test_the_directory_filters_by_directorate(bornova, staffed):
    parks = directorate(bornova.index, slug="park", title="Park ve Bahçeler Müdürlüğü")
    parks.unit = unit(bornova, "park", kind=Unit.Kind.DIRECTORATE)
    parks.save()
    positions(
        parks.unit,
        (PersonFactory(municipality=bornova, name="Ayşe Çelik"), job_title(bornova, "mudur"), True),
    )
    every = directory_list(
        read=directory_read(index=bornova.index, municipality=bornova, today=TODAY)
    )
    assert [page.title for page in every.choices] == [staffed.title, parks.title]
    assert len(every.roles) == 3
    only_parks = directory_list(
        read=directory_read(index=bornova.index, municipality=bornova, today=TODAY),
        directorate_id=parks.pk,
    )
    assert only_parks.selected == parks and only_parks.directorates == [parks]
    assert [role.person.name for role in only_parks.roles] == ["Ayşe Çelik"]
    unknown = directory_list(
        read=directory_read(index=bornova.index, municipality=bornova, today=TODAY),
        directorate_id=999_999,
    )
    assert unknown.selected is None and len(unknown.roles) == 3


def test_the_directory_matches_directorates_by_title(bornova, staffed):
    listing = directory_list(
        read=directory_read(index=bornova.index, municipality=bornova, today=TODAY), query="kültür"
    )
    assert listing.directorates == [staffed]
