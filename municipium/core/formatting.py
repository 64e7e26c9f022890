"""The one place that turns dates, times and numbers into text for people.

Every template, e-mail and export goes through here, so that a Bumehen page says
"جمعه ۱۰ فروردین ۱۴۰۳" where a Bornova page says "29 Mart 2024 Cuma". Values are stored as
aware UTC datetimes and Gregorian dates; conversion happens only on the way out.

Gregorian dates use Babel's CLDR patterns and names. Babel has no Solar Hijri calendar, so
those dates are converted with persiantools (which follows the 33-year rule, as ICU does) and
written with the CLDR Persian month names below.
"""

import datetime
import functools
import re
import zoneinfo
from decimal import Decimal

from babel import dates as babel_dates
from babel import numbers as babel_numbers
from persiantools.jdatetime import JalaliDate

GREGORIAN = "gregorian"
SOLAR_HIJRI = "solar_hijri"

# The Babel locale for each interface language ("en" reads as British English in Europe).
BABEL_LOCALES = {"tr": "tr_TR", "fa": "fa_IR", "pl": "pl_PL", "en": "en_GB"}

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
LATIN_DIGITS = "0123456789"
_TO_PERSIAN = str.maketrans(LATIN_DIGITS + ARABIC_INDIC_DIGITS, PERSIAN_DIGITS * 2)
# Between Persian digits a "." reads as a zero (۱.۵ looks like ۱۰۵) and a "," as a stray comma:
# Persian writes its decimal separator ٫ and its thousands separator ٬ (CLDR, "arabext").
PERSIAN_DECIMAL_SEPARATOR = "\u066b"
PERSIAN_GROUP_SEPARATOR = "\u066c"
# A dotted date (10.02.1405, 1405.02.10) is written with slashes, as our own dates are.
_DOTTED_DATE = re.compile(r"(?<![۰-۹.])([۰-۹]{1,4})\.([۰-۹]{1,2})\.([۰-۹]{1,4})(?![۰-۹]|\.[۰-۹])")
_PERSIAN_SEPARATORS = re.compile(r"(?<=[۰-۹])([.,])(?=[۰-۹])")

# CLDR's Persian-calendar month names (format, wide).
SOLAR_HIJRI_MONTHS = {
    "fa": (
        "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
        "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
    ),
    "en": (
        "Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar",
        "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand",
    ),
}  # fmt: skip

# How a Solar Hijri date is written in each style: {weekday}, {day}, {month}, {year}, {m}.
SOLAR_HIJRI_PATTERNS = {
    "fa": {
        "full": "{weekday} {day} {month} {year}",
        "long": "{day} {month} {year}",
        "medium": "{day} {month} {year}",
        "short": "{year}/{m:02}/{day:02}",
    },
    "en": {
        "full": "{weekday}, {day} {month} {year}",
        "long": "{day} {month} {year}",
        "medium": "{day} {month} {year}",
        "short": "{year}/{m:02}/{day:02}",
    },
}


def uses_persian_digits(language: str) -> bool:
    return language == "fa"


def localise_digits(text: str, language: str) -> str:
    """Write the digits of ``text`` the way ``language`` writes them, with the separators
    between them (a Persian 1.5 is ۱٫۵, 12,000 is ۱۲٬۰۰۰)."""
    if not uses_persian_digits(language):
        return text
    text = _DOTTED_DATE.sub(r"\1/\2/\3", text.translate(_TO_PERSIAN))
    return _PERSIAN_SEPARATORS.sub(_persian_separator, text)


def _persian_separator(match: re.Match) -> str:
    return PERSIAN_DECIMAL_SEPARATOR if match.group(1) == "." else PERSIAN_GROUP_SEPARATOR


def babel_locale(language: str) -> str:
    return BABEL_LOCALES.get(language, "en_GB")


def _as_local(value, time_zone: str | None):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None and time_zone:
            return value.astimezone(zoneinfo.ZoneInfo(time_zone))
        return value
    return value


def format_date(
    value: datetime.date | datetime.datetime,
    *,
    language: str,
    calendar: str = GREGORIAN,
    time_zone: str | None = None,
    style: str = "long",
) -> str:
    """A date for reading: ``style`` is full (with weekday), long, medium or short."""
    local = _as_local(value, time_zone)
    day = local.date() if isinstance(local, datetime.datetime) else local
    if calendar == SOLAR_HIJRI:
        text = _format_solar_hijri(day, language=language, style=style)
    else:
        text = babel_dates.format_date(day, format=style, locale=babel_locale(language))
    return localise_digits(text, language)


@functools.lru_cache(maxsize=4096)
def calendar_month(day: datetime.date, calendar: str) -> int:
    """``day``'s month in ``calendar`` as one number, year × 100 + month: 202603 for March
    2026, 140412 for Esfand 1404 (``SOLAR_HIJRI``). A key to group days by month with, in the
    database (``cases.DailyFigures.month``) and in Python alike; consecutive months' keys grow."""
    if calendar == SOLAR_HIJRI:
        jalali = JalaliDate(day)
        return jalali.year * 100 + jalali.month
    return day.year * 100 + day.month


def _format_solar_hijri(day: datetime.date, *, language: str, style: str) -> str:
    jalali = JalaliDate(day)
    names = "fa" if language == "fa" else "en"
    weekday = babel_dates.get_day_names("wide", locale=babel_locale(language))[day.weekday()]
    return SOLAR_HIJRI_PATTERNS[names][style].format(
        weekday=weekday,
        day=jalali.day,
        month=SOLAR_HIJRI_MONTHS[names][jalali.month - 1],
        m=jalali.month,
        year=jalali.year,
    )


def format_time(value: datetime.datetime | datetime.time, *, language: str, time_zone=None):
    local = _as_local(value, time_zone)
    text = babel_dates.format_time(local, format="short", locale=babel_locale(language))
    return localise_digits(text, language)


def format_datetime(
    value: datetime.datetime,
    *,
    language: str,
    calendar: str = GREGORIAN,
    time_zone: str | None = None,
    style: str = "long",
) -> str:
    date_text = format_date(
        value, language=language, calendar=calendar, time_zone=time_zone, style=style
    )
    time_text = format_time(value, language=language, time_zone=time_zone)
    return f"{date_text} {time_text}"


def format_number(value: int | float | Decimal, *, language: str) -> str:
    # The locale's own numbering system: Persian separators (٬ and ٫) as well as digits.
    text = babel_numbers.format_decimal(
        value, locale=babel_locale(language), numbering_system="default"
    )
    return localise_digits(text, language)


def iso_date(value: datetime.date | datetime.datetime, *, time_zone: str | None = None) -> str:
    """The machine-readable form, for ``<time datetime>``."""
    local = _as_local(value, time_zone)
    return local.isoformat()
