"""Months in a site's calendar: the news listing's month filter, the programme's month
calendar.

A Solar Hijri site files its news under Dey 1401, a Gregorian one under January 2023: a month's
value is ``"1401-10"`` or ``"2023-01"`` in the site's own calendar, and its label is the month's
name in the page's language. Its weeks run from Saturday on a Solar Hijri site, as Iran's week
runs, from Monday elsewhere (ISO 8601).
"""

import datetime
import re
import zoneinfo
from dataclasses import dataclass

from babel import dates as babel_dates
from persiantools.jdatetime import JalaliDate

from municipium.core import formatting

SATURDAY, MONDAY = 5, 0
MONTH_VALUE = re.compile(r"^(\d{4})-(\d{1,2})$")


@dataclass(frozen=True, order=True)
class Month:
    """A month of ``calendar``: (year, month) as that calendar counts them."""

    year: int
    month: int
    calendar: str = formatting.GREGORIAN

    @classmethod
    def containing(cls, day: datetime.date, calendar: str) -> "Month":
        """The month of ``calendar`` that holds the Gregorian date ``day``."""
        if calendar == formatting.SOLAR_HIJRI:
            jalali = JalaliDate(day)
            return cls(jalali.year, jalali.month, calendar)
        return cls(day.year, day.month, calendar)

    @classmethod
    def of(cls, year: int, month: int, calendar: str) -> "Month":
        """The month, or ValueError when there is none (month 13, year 0 or past 3000)."""
        if not (1 <= month <= 12 and 1 <= year <= 3000):
            raise ValueError("no such month")
        return cls(year, month, calendar)

    @property
    def value(self) -> str:
        return f"{self.year:04}-{self.month:02}"

    def first_day(self) -> datetime.date:
        """The month's first day, as a Gregorian date."""
        if self.calendar == formatting.SOLAR_HIJRI:
            return JalaliDate(self.year, self.month, 1).to_gregorian()
        return datetime.date(self.year, self.month, 1)

    def next(self) -> "Month":
        if self.month == 12:
            return Month(self.year + 1, 1, self.calendar)
        return Month(self.year, self.month + 1, self.calendar)

    def previous(self) -> "Month":
        if self.month == 1:
            return Month(self.year - 1, 12, self.calendar)
        return Month(self.year, self.month - 1, self.calendar)

    def last_day(self) -> datetime.date:
        return self.next().first_day() - datetime.timedelta(days=1)

    @property
    def week_start(self) -> int:
        """The weekday (Monday 0) its weeks start on."""
        return SATURDAY if self.calendar == formatting.SOLAR_HIJRI else MONDAY

    def bounds(self, time_zone: str) -> tuple[datetime.datetime, datetime.datetime]:
        """The month as a half-open range of aware datetimes where the site is: from midnight
        of its first day to midnight of the next month's first day."""
        zone = zoneinfo.ZoneInfo(time_zone)
        start = datetime.datetime.combine(self.first_day(), datetime.time.min, tzinfo=zone)
        end = datetime.datetime.combine(self.next().first_day(), datetime.time.min, tzinfo=zone)
        return start, end

    def label(self, language: str) -> str:
        """The month's name and year: Dey 1401, دی ۱۴۰۱, Ocak 2023, styczeń 2023."""
        if self.calendar == formatting.SOLAR_HIJRI:
            names = formatting.SOLAR_HIJRI_MONTHS["fa" if language == "fa" else "en"]
            text = f"{names[self.month - 1]} {self.year}"
        else:
            text = babel_dates.format_skeleton(
                "yMMMM", self.first_day(), locale=formatting.babel_locale(language)
            )
        return formatting.localise_digits(text, language)


def month_parse(value: str, calendar: str) -> Month | None:
    """``"1401-10"`` as a Month of ``calendar``, or None if it is not one."""
    match = MONTH_VALUE.match(value or "")
    if match is None:
        return None
    year, month = int(match[1]), int(match[2])
    if not (1 <= month <= 12 and 1 <= year <= 9000):
        return None
    if calendar == formatting.SOLAR_HIJRI and not 1 <= year <= 3000:
        return None
    return Month(year, month, calendar)
