"""Changes to people, units and roles; copies of a directorate page for translation."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.actions.copy_page import CopyPageAction
from wagtail.models import Locale

from municipium.directory.models import DirectoratePage, DirectorateRole, DirectorateUnit, Person
from municipium.directory.services import (
    directorate_copies_relink,
    directorate_roles_set,
    directorate_service_standards_set,
    directorate_units_relink,
    directorate_units_set,
    person_ensure,
)

from .factories import PersonFactory, directorate, directory_index, standard

pytestmark = pytest.mark.django_db


def test_person_ensure_twice_makes_one_person(bornova):
    first = person_ensure(municipality=bornova, name="Deniz Arslan", email="d@example.org")
    again = person_ensure(municipality=bornova, name="Deniz Arslan", email="d@example.org")
    assert first.pk == again.pk and Person.objects.count() == 1


def test_units_and_rows_set_twice_keep_their_identity(culture):
    layout = [("Protokol", None), ("Sekreterya", None), ("Arşiv", "Sekreterya")]
    first = directorate_units_set(page=culture, units=layout)
    again = directorate_units_set(page=culture, units=layout)
    assert {name: unit.pk for name, unit in first.items()} == {
        name: unit.pk for name, unit in again.items()
    }
    assert again["Arşiv"].parent_id == again["Sekreterya"].pk
    rows = [standard("Randevu", "Dilekçe", value=3, unit="working_days")]
    ids = [row.pk for row in directorate_service_standards_set(page=culture, rows=rows)]
    assert [row.pk for row in directorate_service_standards_set(page=culture, rows=rows)] == ids
    directorate_units_set(page=culture, units=layout[:1])
    assert list(DirectorateUnit.objects.values_list("name", flat=True)) == ["Protokol"]


def test_a_unit_must_come_after_the_unit_it_is_part_of(culture):
    with pytest.raises(ValidationError):
        directorate_units_set(page=culture, units=[("Arşiv", "Sekreterya"), ("Sekreterya", None)])


def test_a_role_cannot_go_to_another_municipalitys_person(culture, sisli):
    stranger = PersonFactory(municipality=sisli)
    with pytest.raises(ValidationError):
        directorate_roles_set(page=culture, roles=[{"person": stranger, "title": "Müdür"}])
    assert not DirectorateRole.objects.exists()


def test_a_role_cannot_sit_in_another_directorates_unit(bornova, culture):
    parks = directorate(bornova.index, slug="park", title="Park ve Bahçeler")
    unit = directorate_units_set(page=parks, units=[("Bakım", None)])["Bakım"]
    person = PersonFactory(municipality=bornova)
    with pytest.raises(ValidationError):
        directorate_roles_set(page=culture, roles=[{"person": person, "title": "X", "unit": unit}])


@pytest.fixture
def chart(bornova, culture):
    """The culture directorate reporting to the mayor's office, with a unit inside another
    and a person in it."""
    mayor_office = directorate(bornova.index, slug="baskanlik", title="Başkanlık")
    culture.reports_to_page = mayor_office
    culture.save()
    units = directorate_units_set(page=culture, units=[("Sergi", None), ("Arşiv", "Sergi")])
    person = PersonFactory(municipality=bornova)
    directorate_roles_set(
        page=culture, roles=[{"person": person, "title": "Uzman", "unit": units["Arşiv"]}]
    )
    return culture, mayor_office, units


def assert_own_units(page):
    copied = {unit.name: unit for unit in DirectorateUnit.objects.filter(page=page)}
    assert copied["Arşiv"].parent_id == copied["Sergi"].pk
    assert DirectorateRole.objects.get(page=page).unit_id == copied["Arşiv"].pk
    content = page.specific.latest_revision.content  # what the editor opens
    parents = {unit["name"]: unit["parent"] for unit in content["units"]}
    assert parents == {"Sergi": None, "Arşiv": copied["Sergi"].pk}
    assert [role["unit"] for role in content["roles"]] == [copied["Arşiv"].pk]


def test_a_translation_gets_its_own_units_and_its_superiors_translation(bornova, chart):
    culture, mayor_office, units = chart
    english_index = directory_index(bornova, "en", slug="directorates", title="Directorates")
    english_index.translation_key = bornova.index.translation_key
    english_index.save()
    english = Locale.objects.get(language_code="en")
    english_office = mayor_office.copy_for_translation(english)
    translated = culture.copy_for_translation(english)
    assert_own_units(translated)
    translated.refresh_from_db()
    assert translated.reports_to_page_id == english_office.pk
    assert DirectorateUnit.objects.get(page=culture, name="Arşiv").parent_id == units["Sergi"].pk
    directorate_units_relink(source=culture, target=translated)  # again: nothing changes
    assert_own_units(translated)


def test_a_translated_subtree_and_a_copied_directory_get_their_own_units(bornova, chart):
    culture = chart[0]
    english = Locale.objects.get(language_code="en")
    CopyPageForTranslationAction(bornova.index, english, include_subtree=True).execute()
    assert_own_units(DirectoratePage.objects.get(slug=culture.slug, locale=english))
    copy = CopyPageAction(
        bornova.index, update_attrs={"slug": "kopya", "title": "Kopya"}, recursive=True
    ).execute()
    directorate_copies_relink(source=bornova.index, target=copy)  # the admin's after_copy_page
    assert_own_units(DirectoratePage.objects.descendant_of(copy).get(slug=culture.slug))
