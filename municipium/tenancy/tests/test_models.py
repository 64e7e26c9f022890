import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

pytestmark = pytest.mark.django_db


def errors_of(municipality) -> dict:
    with pytest.raises(ValidationError) as caught:
        municipality.clean()
    return caught.value.message_dict


def test_default_language_must_be_one_of_the_sites_languages(municipality_factory):
    municipality = municipality_factory(slug="bornova")
    municipality.default_language = "pl"
    assert "default_language" in errors_of(municipality)


def test_a_colour_too_light_for_white_text_is_refused_with_its_ratio(municipality_factory):
    municipality = municipality_factory(slug="bornova")
    municipality.primary_colour = "#7fb3e6"
    with translation.override("en"):
        message = errors_of(municipality)["primary_colour"][0]
    assert "4.5:1" in message and "2." in message


@pytest.mark.parametrize(
    ("language", "minimum"),
    [("tr", "en az 4,5:1"), ("fa", "دست‌کم ۴٫۵ به ۱"), ("pl", "co najmniej 4,5:1")],
)
def test_the_contrast_message_writes_numbers_as_the_staff_members_language_does(
    municipality_factory, language, minimum
):
    municipality = municipality_factory(slug="bornova")
    municipality.primary_colour = "#7fb3e6"
    with translation.override(language):
        message = errors_of(municipality)["primary_colour"][0]
    assert minimum in message


def test_a_colour_that_is_not_hexadecimal_is_refused(municipality_factory):
    municipality = municipality_factory(slug="bornova")
    municipality.accent_colour = "red"
    assert "accent_colour" in errors_of(municipality)


def test_an_unknown_time_zone_is_refused(municipality_factory):
    municipality = municipality_factory(slug="bornova")
    municipality.time_zone = "Mars/Olympus"
    assert "time_zone" in errors_of(municipality)


def test_a_valid_municipality_passes(municipality_factory):
    municipality_factory(slug="bornova").full_clean()


def test_name_in_a_language_falls_back_to_the_default_language(municipality_factory):
    municipality = municipality_factory(slug="bornova", names={"tr": "Bornova Belediyesi"})
    assert municipality.name_in("tr") == "Bornova Belediyesi"
    assert municipality.name_in("pl") == "Bornova Belediyesi"


def test_offices_must_close_after_they_open(municipality_factory):
    municipality = municipality_factory(slug="bornova")
    municipality.office_closes_at = datetime.time(8, 0)
    assert "office_closes_at" in errors_of(municipality)


@pytest.mark.parametrize("closing", [datetime.time(8, 0), datetime.time(18, 0)])
def test_a_half_day_closes_within_the_ordinary_office_hours(municipality_factory, closing):
    municipality = municipality_factory(slug="bornova")
    municipality.half_day_closes_at = closing
    assert "half_day_closes_at" in errors_of(municipality)
