import datetime

import pytest

from municipium.core.formatting import GREGORIAN, SOLAR_HIJRI
from municipium.core.months import Month, month_parse

TEHRAN = "Asia/Tehran"


def test_dey_1401_is_22_december_2022_to_20_january_2023_in_tehran():
    start, end = Month(1401, 10, SOLAR_HIJRI).bounds(TEHRAN)
    assert start.date() == datetime.date(2022, 12, 22) and end.date() == datetime.date(2023, 1, 21)
    assert start.utcoffset() == datetime.timedelta(hours=3, minutes=30)


def test_esfand_of_a_leap_year_runs_to_its_30th_day_and_the_year_turns():
    # 1403 is a leap year (33-year rule): 1403/12/30 exists, 1404/1/1 is 21 March 2025.
    start, end = Month(1403, 12, SOLAR_HIJRI).bounds(TEHRAN)
    assert (end.date() - start.date()).days == 30
    assert end.date() == datetime.date(2025, 3, 21)


def test_a_gregorian_december_ends_at_the_new_year():
    start, end = Month(2026, 12, GREGORIAN).bounds("Europe/Istanbul")
    assert (start.date(), end.date()) == (datetime.date(2026, 12, 1), datetime.date(2027, 1, 1))


def test_the_month_of_a_day_is_counted_in_the_sites_calendar():
    assert Month.containing(datetime.date(2023, 1, 7), SOLAR_HIJRI) == Month(1401, 10, SOLAR_HIJRI)
    assert Month.containing(datetime.date(2023, 1, 7), GREGORIAN) == Month(2023, 1, GREGORIAN)


@pytest.mark.parametrize(
    ("month", "language", "label"),
    [
        (Month(1401, 10, SOLAR_HIJRI), "fa", "دی ۱۴۰۱"),
        (Month(1401, 10, SOLAR_HIJRI), "en", "Dey 1401"),
        (Month(2023, 1, GREGORIAN), "tr", "Ocak 2023"),
        (Month(2023, 1, GREGORIAN), "pl", "styczeń 2023"),
        (Month(2023, 1, GREGORIAN), "en", "January 2023"),
    ],
)
def test_month_labels_use_the_calendars_month_names_and_the_languages_digits(
    month, language, label
):
    assert month.label(language) == label


@pytest.mark.parametrize("value", ["", "1401", "1401-13", "1401-00", "abcd-10", "1401-10-01"])
def test_a_value_that_is_not_a_month_is_none(value):
    assert month_parse(value, SOLAR_HIJRI) is None


def test_a_month_value_reads_back_as_the_same_month():
    assert month_parse("1401-10", SOLAR_HIJRI) == Month(1401, 10, SOLAR_HIJRI)
    assert Month(1401, 1, SOLAR_HIJRI).value == "1401-01"


def test_a_month_steps_back_over_the_new_year_and_knows_its_last_day_and_first_weekday():
    farvardin = Month(1404, 1, SOLAR_HIJRI)
    assert farvardin.previous() == Month(1403, 12, SOLAR_HIJRI)
    assert farvardin.previous().last_day() == datetime.date(2025, 3, 20)  # 1403/12/30
    assert farvardin.week_start == 5  # Saturday
    assert Month(2026, 1, GREGORIAN).week_start == 0  # Monday


def test_a_month_of_year_and_number_refuses_one_that_does_not_exist():
    assert Month.of(1404, 12, SOLAR_HIJRI) == Month(1404, 12, SOLAR_HIJRI)
    with pytest.raises(ValueError):
        Month.of(2026, 13, GREGORIAN)
