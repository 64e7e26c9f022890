"""Rows of a directorate page; translations and copies of a directorate page share its unit."""

import datetime

import pytest
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.actions.copy_page import CopyPageAction
from wagtail.models import Locale

from municipium.directory.models import DirectoratePage
from municipium.directory.services import (
    directorate_copies_relink,
    directorate_reports_to_relink,
    directorate_service_standards_set,
)
from municipium.organisation.models import Position, Unit
from municipium.organisation.tests.factories import PersonFactory, job_title, positions, unit

from .factories import directorate, directory_index, standard

pytestmark = pytest.mark.django_db


def test_rows_set_twice_keep_their_identity(culture):
    rows = [standard("Randevu", "Dilekçe", value=3, unit="working_days")]
    ids = [row.pk for row in directorate_service_standards_set(page=culture, rows=rows)]
    assert [row.pk for row in directorate_service_standards_set(page=culture, rows=rows)] == ids


@pytest.fixture
def chart(bornova, culture):
    """The culture directorate reporting to the mayor's office; its unit has a section inside
    another and a person in it."""
    mayor_office = directorate(bornova.index, slug="baskanlik", title="Başkanlık")
    culture.reports_to_page = mayor_office
    top = unit(bornova, "kultur", kind=Unit.Kind.DIRECTORATE)
    exhibitions = unit(bornova, "sergi", parent=top, names={"tr": "Sergi", "en": "Exhibitions"})
    archive = unit(bornova, "arsiv", parent=exhibitions, names={"tr": "Arşiv", "en": "Archive"})
    positions(
        archive, (PersonFactory(municipality=bornova, name="Barış Uçar"), job_title(bornova), False)
    )
    culture.unit = top
    culture.save()
    return culture, mayor_office, top


def english_index(bornova):
    index = directory_index(bornova, "en", slug="directorates", title="Directorates")
    index.translation_key = bornova.index.translation_key
    index.save()
    return index


def test_a_translated_directorate_shows_the_same_units_and_people_without_copying_them(
    client, bornova, chart
):
    culture, _office, top = chart
    english_index(bornova)
    english = Locale.objects.get(language_code="en")
    before = (Unit.objects.count(), Position.objects.count())
    translated = culture.copy_for_translation(english)
    translated.save_revision().publish()
    assert translated.unit_id == top.pk
    assert (Unit.objects.count(), Position.objects.count()) == before
    turkish = client.get(culture.url, HTTP_HOST="bornova.localhost").content.decode()
    english_html = client.get(translated.url, HTTP_HOST="bornova.localhost").content.decode()
    assert "Barış Uçar" in turkish and "Barış Uçar" in english_html
    assert "Arşiv" in turkish and "Archive" in english_html and "Arşiv" not in english_html


def test_a_translation_reports_to_its_superiors_translation(bornova, chart):
    culture, mayor_office, _top = chart
    english_index(bornova)
    english = Locale.objects.get(language_code="en")
    english_office = mayor_office.copy_for_translation(english)
    translated = culture.copy_for_translation(english)
    translated.refresh_from_db()
    assert translated.reports_to_page_id == english_office.pk
    assert translated.latest_revision.content["reports_to_page"] == english_office.pk
    directorate_reports_to_relink(target=translated)  # again: nothing changes
    translated.refresh_from_db()
    assert translated.reports_to_page_id == english_office.pk


def test_a_translated_subtree_and_a_copied_directory_keep_the_unit(bornova, chart):
    culture, _mayor_office, top = chart
    english = Locale.objects.get(language_code="en")
    CopyPageForTranslationAction(bornova.index, english, include_subtree=True).execute()
    assert DirectoratePage.objects.get(slug=culture.slug, locale=english).unit_id == top.pk
    copy = CopyPageAction(
        bornova.index, update_attrs={"slug": "kopya", "title": "Kopya"}, recursive=True
    ).execute()
    directorate_copies_relink(target=copy)  # the admin's after_copy_page
    copied = DirectoratePage.objects.descendant_of(copy).get(slug=culture.slug)
    assert copied.unit_id == top.pk


def test_the_page_of_a_unit_shows_only_positions_held_today(client, bornova, chart):
    culture, _office, top = chart
    director = job_title(bornova, "mudur", tr="Müdür", en="Director")
    positions(
        top,
        (PersonFactory(municipality=bornova, name="Eski Müdür"), director, True,
         datetime.date(2010, 1, 1), datetime.date(2015, 1, 1)),
        (PersonFactory(municipality=bornova, name="Yeni Müdür"), director, True),
    )  # fmt: skip
    culture.save_revision().publish()
    html = client.get(culture.url, HTTP_HOST="bornova.localhost").content.decode()
    assert "Yeni Müdür" in html and "Eski Müdür" not in html
