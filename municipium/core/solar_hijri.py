"""Solar Hijri dates as staff type them: ``1405/02/10``, ``1405-2-10``, ``۱۴۰۵/۰۲/۱۰``, with a
time (``1405/02/10 14:30``) for a date-time. Parsing turns them into Gregorian values, which is
what the database keeps; an impossible date is refused with an error that names the problem
(``1404/12/30``: 1404 is not a leap year, Esfand has 29 days).

The conversion is persiantools' (the 33-year rule, as ICU and browsers follow, REFERENCE.md);
writing dates for reading stays in ``core.formatting``.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from persiantools.jdatetime import JalaliDate

from .formatting import SOLAR_HIJRI, SOLAR_HIJRI_MONTHS, format_date, localise_digits
from .text import latin_digits

EXAMPLE_DATE = "1405/02/10"
EXAMPLE_DATETIME = "1405/02/10 14:30"
# A Solar Hijri year from here on is far in the future (2321 CE): someone typed a Gregorian year.
FIRST_IMPLAUSIBLE_YEAR = 1700

# Bidi marks and the Arabic letter mark that right-to-left keyboards and pasting leave behind.
_INVISIBLE = str.maketrans(dict.fromkeys("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"))
_SEPARATOR = r"\s*[/\-.]\s*"
_DATE = rf"(?P<year>\d{{1,4}}){_SEPARATOR}(?P<month>\d{{1,2}}){_SEPARATOR}(?P<day>\d{{1,2}})"
_TIME = r"(?P<hour>\d{1,2})\s*:\s*(?P<minute>\d{1,2})(?:\s*:\s*(?P<second>\d{1,2}))?"
DATE_PATTERN = re.compile(rf"^{_DATE}$")
DATETIME_PATTERN = re.compile(rf"^{_DATE}(?:(?:\s+|\s*T\s*){_TIME})?$")


def _clean(text: str) -> str:
    return latin_digits(str(text)).translate(_INVISIBLE).strip()


def _digits(text) -> str:
    return localise_digits(str(text), translation.get_language() or "en")


def _month_name(month: int) -> str:
    names = "fa" if translation.get_language() == "fa" else "en"
    return SOLAR_HIJRI_MONTHS[names][month - 1]


def _solar_hijri_day(year: int, month: int, day: int) -> datetime.date:
    """The Gregorian date of a Solar Hijri year, month and day, or a ValidationError that says
    which part is wrong."""
    if year < 1:
        raise ValidationError(_("Enter a year after 0."), code="invalid_year")
    if year >= FIRST_IMPLAUSIBLE_YEAR:
        raise ValidationError(
            _(
                "%(year)s looks like a Gregorian year: write the year in the Solar Hijri "
                "calendar, for example %(example)s."
            )
            % {"year": _digits(year), "example": _digits(EXAMPLE_DATE)},
            code="gregorian_year",
        )
    if not 1 <= month <= 12:
        raise ValidationError(
            _("There is no month %(month)s: a year has 12 months.") % {"month": _digits(month)},
            code="invalid_month",
        )
    days = JalaliDate.days_in_month(month, year)
    if month == 12 and day == 30 and days == 29:
        raise ValidationError(
            _(
                "%(year)s is not a leap year: %(month_name)s %(year)s has %(days)s days, "
                "so there is no day %(day)s."
            )
            % {
                "year": _digits(year),
                "month_name": _month_name(month),
                "days": _digits(days),
                "day": _digits(day),
            },
            code="not_leap_year",
        )
    if not 1 <= day <= days:
        raise ValidationError(
            _("%(month_name)s has %(days)s days: there is no day %(day)s.")
            % {"month_name": _month_name(month), "days": _digits(days), "day": _digits(day)},
            code="invalid_day",
        )
    return JalaliDate(year, month, day).to_gregorian()


def parse_date(text: str) -> datetime.date:
    """The Gregorian date of a typed Solar Hijri date, in Persian, Arabic-Indic or Latin digits."""
    match = DATE_PATTERN.match(_clean(text))
    if match is None:
        raise ValidationError(
            _(
                "Enter the date in the Solar Hijri calendar as year/month/day, "
                "for example %(example)s."
            )
            % {"example": _digits(EXAMPLE_DATE)},
            code="invalid",
        )
    return _solar_hijri_day(*(int(match[part]) for part in ("year", "month", "day")))


def parse_datetime(text: str) -> datetime.datetime:
    """The naive Gregorian date-time of a typed Solar Hijri date with an optional time (midnight
    when there is none); the caller puts it in the current time zone."""
    match = DATETIME_PATTERN.match(_clean(text))
    if match is None:
        raise ValidationError(
            _(
                "Enter the date and time in the Solar Hijri calendar as year/month/day "
                "hour:minute, for example %(example)s."
            )
            % {"example": _digits(EXAMPLE_DATETIME)},
            code="invalid",
        )
    day = _solar_hijri_day(*(int(match[part]) for part in ("year", "month", "day")))
    hour, minute, second = (int(match[part] or 0) for part in ("hour", "minute", "second"))
    if hour > 23 or minute > 59 or second > 59:
        raise ValidationError(_("Enter a time of day from 00:00 to 23:59."), code="invalid_time")
    return datetime.datetime.combine(day, datetime.time(hour, minute, second))


def input_date(value: datetime.date, *, language: str) -> str:
    """A Gregorian date written as staff type it in the Solar Hijri calendar: ``1405/02/10``."""
    return format_date(value, language=language, calendar=SOLAR_HIJRI, style="short")


def input_datetime(value: datetime.datetime, *, language: str) -> str:
    """A date-time (already in the time zone staff read it in) as ``1405/02/10 14:30``."""
    text = f"{input_date(value.date(), language=language)} {value:%H:%M}"
    return localise_digits(text, language)
