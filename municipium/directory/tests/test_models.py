"""Rules of a single row: durations, the footer's places of application."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from municipium.directory.durations import duration_text
from municipium.directory.models import DirectoratePage, ServiceStandard


@pytest.mark.parametrize(
    ("value", "unit", "text", "expected"),
    [
        (20, "seconds", "", "20 seconds"),
        (1, "minutes", "", "1 minute"),
        (5, "minutes", "", "5 minutes"),
        (3, "days", "", "3 days"),
        (1, "working_days", "", "1 working day"),
        (None, "immediately", "", "Immediately"),
        (None, "", "1-8 hours", "1-8 hours"),
        (2, "hours", "within the day", "within the day"),
    ],
)
def test_a_duration_reads_as_the_table_writes_it(value, unit, text, expected):
    with translation.override("en"):
        assert duration_text(value=value, unit=unit, free_text=text) == expected


def test_a_duration_on_a_persian_page_has_persian_digits():
    with translation.override("fa"):
        assert "۱۵" in duration_text(value=15, unit="working_days")


@pytest.mark.parametrize(
    ("fields", "field_in_error"),
    [
        ({"duration_unit": "days"}, "duration_value"),
        ({"duration_value": 3}, "duration_unit"),
        ({}, "duration_unit"),
    ],
)
def test_a_service_needs_a_time_to_complete(fields, field_in_error):
    with pytest.raises(ValidationError) as raised:
        ServiceStandard(service="Randevu", **fields).clean()
    assert field_in_error in raised.value.message_dict


def test_immediately_needs_no_value_and_keeps_none():
    row = ServiceStandard(service="Kayıt", duration_value=4, duration_unit="immediately")
    row.clean()
    assert row.duration_value is None


def test_documents_are_one_per_line():
    row = ServiceStandard(service="Randevu", documents="Dilekçe\n\n  Kimlik belgesi  \n")
    assert row.document_list == ["Dilekçe", "Kimlik belgesi"]


@pytest.mark.django_db
def test_only_the_places_of_application_that_were_filled_in_are_shown():
    page = DirectoratePage(first_place_name="Elif Karaca", first_place_phone="(0212) 555 03 00")
    with translation.override("en"):
        places = page.application_places
    assert [(p.heading, p.name, p.phone, p.fax) for p in places] == [
        ("First place of application", "Elif Karaca", "(0212) 555 03 00", "")
    ]
