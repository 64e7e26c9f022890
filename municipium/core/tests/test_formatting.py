import datetime

import pytest
from persiantools.jdatetime import JalaliDate

from municipium.core import formatting
from municipium.core.formatting import SOLAR_HIJRI, format_date, format_number


def test_seed_date_1401_10_17_is_7_january_2023():
    text = format_date(
        datetime.date(2023, 1, 7), language="fa", calendar=SOLAR_HIJRI, style="short"
    )
    assert text == "۱۴۰۱/۱۰/۱۷"


def test_10_farvardin_1403_is_friday_29_march_2024_in_persian_and_english():
    day = datetime.date(2024, 3, 29)
    assert format_date(day, language="fa", calendar=SOLAR_HIJRI, style="full") == (
        "جمعه ۱۰ فروردین ۱۴۰۳"
    )
    assert format_date(day, language="en", calendar=SOLAR_HIJRI, style="full") == (
        "Friday, 10 Farvardin 1403"
    )


def test_1403_is_a_leap_year_by_the_33_year_rule():
    # 30 Esfand 1403 exists and is 20 March 2025 (ICU and the Iranian calendar agree).
    assert JalaliDate(1403, 12, 30).to_gregorian() == datetime.date(2025, 3, 20)
    text = format_date(datetime.date(2025, 3, 20), language="fa", calendar=SOLAR_HIJRI)
    assert text == "۳۰ اسفند ۱۴۰۳"


def test_nowruz_falls_on_1_farvardin_every_year_from_1300_to_1500():
    for year in range(1300, 1501):
        nowruz = JalaliDate(year, 1, 1).to_gregorian()
        assert nowruz.month == 3 and 19 <= nowruz.day <= 22, year
        eve = nowruz - datetime.timedelta(days=1)
        assert JalaliDate(eve).month == 12, year


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("tr", "29 Mart 2024 Cuma"),
        ("pl", "piątek, 29 marca 2024"),
        ("en", "Friday, 29 March 2024"),
        ("fa", "جمعه ۲۹ مارس ۲۰۲۴"),
    ],
)
def test_gregorian_full_dates_use_cldr_names(language, expected):
    assert format_date(datetime.date(2024, 3, 29), language=language, style="full") == expected


def test_polish_month_is_in_the_genitive_in_a_date():
    assert format_date(datetime.date(2026, 11, 23), language="pl") == "23 listopada 2026"


def test_datetime_is_shown_in_the_sites_time_zone():
    late_utc = datetime.datetime(2024, 3, 28, 22, 0, tzinfo=datetime.UTC)
    text = formatting.format_datetime(
        late_utc, language="fa", calendar=SOLAR_HIJRI, time_zone="Asia/Tehran"
    )
    assert text == "۱۰ فروردین ۱۴۰۳ ۱:۳۰"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("tr", "1.234.567,5"),
        ("pl", "1\u00a0234\u00a0567,5"),
        ("en", "1,234,567.5"),
        ("fa", "۱٬۲۳۴٬۵۶۷٫۵"),
    ],
)
def test_numbers_follow_the_language(language, expected):
    assert format_number(1234567.5, language=language) == expected


def test_persian_digits_replace_latin_and_arabic_indic_digits():
    assert formatting.localise_digits("451 ٤٥١", "fa") == "۴۵۱ ۴۵۱"
    assert formatting.localise_digits("451", "tr") == "451"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.5 km", "۱٫۵ km"),
        ("12,000", "۱۲٬۰۰۰"),
        ("1405.02.10", "۱۴۰۵/۰۲/۱۰"),
        ("10.02.1405", "۱۰/۰۲/۱۴۰۵"),
        ("Plan 2026-2030.", "Plan ۲۰۲۶-۲۰۳۰."),
        ("1, 2 and 3.", "۱, ۲ and ۳."),
    ],
)
def test_persian_separators_between_digits_are_not_a_dot_that_reads_as_zero(text, expected):
    assert formatting.localise_digits(text, "fa") == expected


def test_separators_stay_as_written_outside_persian():
    assert formatting.localise_digits("1.5 and 1405.02.10", "tr") == "1.5 and 1405.02.10"
