"""Staff type Solar Hijri dates in the admin's date fields; the database keeps Gregorian ones."""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from persiantools.jdatetime import JalaliDate

from municipium.core.calendar_context import staff_calendar, staff_calendar_activated
from municipium.core.formatting import GREGORIAN, SOLAR_HIJRI
from municipium.core.forms import (
    CalendarDateField,
    CalendarDateInput,
    CalendarDateTimeField,
    CalendarDateTimeInput,
)
from municipium.core.solar_hijri import parse_date, parse_datetime

ORDIBEHESHT_10_1405 = datetime.date(2026, 4, 30)


def test_1405_02_10_is_30_april_2026_by_persiantools():
    assert JalaliDate(1405, 2, 10).to_gregorian() == ORDIBEHESHT_10_1405


@pytest.mark.parametrize(
    "typed",
    [
        "1405/02/10",
        "1405/2/10",
        "1405-2-10",
        "1405.02.10",
        " 1405 / 02 / 10 ",
        "۱۴۰۵/۰۲/۱۰",  # Persian digits
        "١٤٠٥/٠٢/١٠",  # Arabic-Indic digits
        "\u200f۱۴۰۵/۰۲/۱۰\u200f",  # with the right-to-left marks a Persian keyboard leaves
    ],
)
def test_a_solar_hijri_date_is_read_in_any_digits_and_separators(typed):
    assert parse_date(typed) == ORDIBEHESHT_10_1405


def test_30_esfand_of_a_common_year_is_refused_naming_the_leap_year():
    with translation.override("en"), pytest.raises(ValidationError) as error:
        parse_date("1404/12/30")
    assert error.value.code == "not_leap_year"
    assert error.value.messages == [
        "1404 is not a leap year: Esfand 1404 has 29 days, so there is no day 30."
    ]


def test_30_esfand_of_a_leap_year_is_accepted():
    assert parse_date("1403/12/30") == datetime.date(2025, 3, 20)


def test_the_error_is_written_in_the_staff_members_language_and_digits():
    with translation.override("fa"), pytest.raises(ValidationError) as error:
        parse_date("۱۴۰۴/۱۲/۳۰")
    (message,) = error.value.messages
    assert "اسفند" in message and "۱۴۰۴" in message and "۳۰" in message
    assert not any(digit in message for digit in "0123456789")


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("1405/13/01", "invalid_month"),
        ("1405/00/01", "invalid_month"),
        ("1405/07/31", "invalid_day"),  # Mehr has 30 days
        ("1405/01/00", "invalid_day"),
        ("2026/04/30", "gregorian_year"),
        ("1405/02", "invalid"),
        ("tomorrow", "invalid"),
    ],
)
def test_impossible_dates_are_refused_with_a_reason(typed, code):
    with pytest.raises(ValidationError) as error:
        parse_date(typed)
    assert error.value.code == code


@pytest.mark.parametrize(
    "typed",
    ["1405/02/10 14:30", "1405-2-10T14:30", "۱۴۰۵/۰۲/۱۰ ۱۴:۳۰", "1405/02/10 14:30:00"],
)
def test_a_solar_hijri_date_time_is_read_with_its_time(typed):
    assert parse_datetime(typed) == datetime.datetime(2026, 4, 30, 14, 30)


def test_a_date_time_without_a_time_is_midnight_and_an_impossible_time_is_refused():
    assert parse_datetime("1405/02/10") == datetime.datetime(2026, 4, 30)
    with pytest.raises(ValidationError) as error:
        parse_datetime("1405/02/10 24:10")
    assert error.value.code == "invalid_time"


def test_outside_a_staff_request_the_calendar_is_gregorian():
    assert staff_calendar() == GREGORIAN
    with staff_calendar_activated(SOLAR_HIJRI):
        assert staff_calendar() == SOLAR_HIJRI
    assert staff_calendar() == GREGORIAN


def test_the_date_field_stores_a_typed_solar_hijri_date_as_gregorian():
    with staff_calendar_activated(SOLAR_HIJRI):
        assert CalendarDateField().clean("۱۴۰۵/۰۲/۱۰") == ORDIBEHESHT_10_1405


def test_the_date_time_field_reads_the_time_in_the_current_time_zone():
    tehran = zoneinfo.ZoneInfo("Asia/Tehran")
    with staff_calendar_activated(SOLAR_HIJRI), timezone.override(tehran):
        value = CalendarDateTimeField().clean("1405/02/10 14:30")
    assert value == datetime.datetime(2026, 4, 30, 14, 30, tzinfo=tehran)
    assert value.astimezone(datetime.UTC) == datetime.datetime(2026, 4, 30, 11, tzinfo=datetime.UTC)


def test_gregorian_staff_keep_djangos_parsing():
    assert CalendarDateField().clean("2026-04-30") == ORDIBEHESHT_10_1405
    with pytest.raises(ValidationError):
        CalendarDateField().clean("1405/02/10")


def test_the_stored_date_is_shown_back_in_solar_hijri_with_persian_digits():
    with staff_calendar_activated(SOLAR_HIJRI), translation.override("fa"):
        html = CalendarDateInput().render("date", ORDIBEHESHT_10_1405, {"id": "id_date"})
    assert 'value="۱۴۰۵/۰۲/۱۰"' in html
    assert "data-solar-hijri-picker" in html and 'dir="rtl"' in html
    assert "initDateChooser" not in html  # Wagtail's own picker stays away


def test_a_date_time_is_shown_back_in_solar_hijri_in_the_current_time_zone():
    stored = datetime.datetime(2026, 4, 30, 11, 0, tzinfo=datetime.UTC)
    field = CalendarDateTimeField()
    with (
        staff_calendar_activated(SOLAR_HIJRI),
        translation.override("en"),
        timezone.override(zoneinfo.ZoneInfo("Asia/Tehran")),
    ):
        html = CalendarDateTimeInput().render("when", field.prepare_value(stored), {})
    assert 'value="1405/02/10 14:30"' in html


def test_gregorian_staff_keep_wagtails_widget():
    html = CalendarDateInput().render("date", ORDIBEHESHT_10_1405, {"id": "id_date"})
    assert 'value="2026-04-30"' in html and "initDateChooser" in html
    assert "data-solar-hijri-picker" not in html
    assert "date-time-chooser.js" in str(CalendarDateInput().media)


def test_solar_hijri_staff_get_the_picker_module_instead_of_wagtails():
    with staff_calendar_activated(SOLAR_HIJRI):
        media = str(CalendarDateTimeInput().media)
    assert 'type="module"' in media and "solar-hijri-picker.js" in media
    assert "date-time-chooser.js" not in media


def test_wagtails_own_date_time_widget_chosen_by_a_panel_becomes_the_calendar_widget():
    # Wagtail's publishing schedule: FieldPanel("go_live_at", widget=AdminDateTimeInput(...)).
    from wagtail.admin.widgets import AdminDateTimeInput

    chosen = AdminDateTimeInput(js_overlay_parent_selector="#dialog", attrs={"data-x": "y"})
    field = CalendarDateTimeField(widget=chosen)
    assert isinstance(field.widget, CalendarDateTimeInput)
    assert field.widget.attrs["data-x"] == "y"
    assert field.widget.js_overlay_parent_selector == "#dialog"
    with staff_calendar_activated(SOLAR_HIJRI):
        assert field.clean("1405/02/10 14:30").date() == ORDIBEHESHT_10_1405


def test_another_widget_chosen_for_a_date_field_keeps_gregorian_parsing():
    from django import forms

    field = CalendarDateField(widget=forms.DateInput)
    with staff_calendar_activated(SOLAR_HIJRI):
        assert field.clean("2026-04-30") == ORDIBEHESHT_10_1405
