"""A month of the site's calendar (``core.months``) as the programme's calendar shows it: weeks
of seven days from the calendar's first weekday, each day with its number in the site's
calendar and digits, and the month's name in the page's language."""

import datetime
from dataclasses import dataclass

from babel import dates as babel_dates
from persiantools.jdatetime import JalaliDate

from municipium.core import formatting
from municipium.core.months import Month


@dataclass
class Day:
    date: datetime.date
    number: str  # the day of the month in the site's calendar and the page's digits
    in_month: bool
    is_today: bool
    occurrences: list  # the first dates' cards
    more: str = ""  # "6 more" in the page's language and digits, when some are not shown
    more_url: str = ""  # the list of the day's dates


@dataclass(frozen=True)
class DayEvents:
    """What a busy day shows: its first dates' cards and, when it has more, the link to them."""

    cards: list
    more: str = ""
    more_url: str = ""


def weekday_names(month: Month, language: str) -> list[tuple[str, str]]:
    """(abbreviated, full) names of the week's days, in the grid's order."""
    locale = formatting.babel_locale(language)
    wide = babel_dates.get_day_names("wide", locale=locale)
    short = babel_dates.get_day_names("abbreviated", locale=locale)
    order = [(month.week_start + offset) % 7 for offset in range(7)]
    return [(short[day], wide[day]) for day in order]


def weeks(
    month: Month, *, language: str, today: datetime.date, days: dict
) -> list[list[Day | None]]:
    """The month's weeks; a day outside the month is None (an empty cell). ``days`` maps a day
    to its ``DayEvents``."""
    first, last = month.first_day(), month.last_day()
    lead = (first.weekday() - month.week_start) % 7
    cells: list[Day | None] = [None] * lead
    day = first
    while day <= last:
        number = JalaliDate(day).day if month.calendar == formatting.SOLAR_HIJRI else day.day
        events = days.get(day) or DayEvents(cards=[])
        cells.append(
            Day(
                date=day,
                number=formatting.localise_digits(str(number), language),
                in_month=True,
                is_today=day == today,
                occurrences=events.cards,
                more=events.more,
                more_url=events.more_url,
            )
        )
        day += datetime.timedelta(days=1)
    cells.extend([None] * (-len(cells) % 7))
    return [cells[start : start + 7] for start in range(0, len(cells), 7)]
