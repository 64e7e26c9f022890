"""The clock: a municipality's working days and the deadlines counted in them.

Every deadline of the back office goes through this module, so that one set of rules holds:

Working days.
    A day is a working day unless it is one of ``Municipality.weekend_days`` (Friday in Iran,
    Saturday and Sunday in Turkey and Poland) or a full-day ``PublicHoliday``: seeded from the
    ``holidays`` package, or an extra day off entered by staff (``source=staff``), such as the
    day a Polish office gives for a holiday that falls on a Saturday (Labour Code art. 130 §2).
    A half-day holiday (``is_half_day``, the eves of Turkey's religious holidays and the
    afternoon of 28 October) is a working day whose offices close at
    ``Municipality.half_day_closes_at``. Turkish offices open 08:30-17:30 with lunch from 12:30
    and close from 13:00 on those eves, hence the default 12:30. A municipality whose holidays
    were not seeded for a year has only its weekends off in that year.

Receipt.
    A request filed during office hours (``office_opens_at`` to ``office_closes_at``) is received
    that day; one filed before opening on a working day is received at that day's opening; one
    filed at or after closing time, or on a day off, counts as received at the next working
    day's opening (``received_at``). The day of receipt is not counted: the count starts the
    next day (Polish KPA art. 57 §1; Turkey's İYUK art. 8 and Iranian practice alike), so 1
    working day from a Monday-morning filing is due on Tuesday.

Working days (``working_days=n``).
    The deadline is the n-th working day after the day of receipt. A half day counts as a
    working day.

Calendar days (``calendar_days=n``).
    The deadline is the n-th day after the day of receipt; if it is not a working day it moves
    to the next working day (Polish KPA art. 57 §4: "if the end of a time limit falls on a
    Saturday or a statutory day off, the next day that is neither is the last day"; Turkey's
    İYUK art. 8 likewise). ``roll_forward=False`` keeps the n-th day.

Pauses.
    ``pauses`` is a sequence of ``(start, end)`` pairs of dates or aware datetimes: periods
    that do not count, such as waiting for a fee or for the resident's answer (KPA art. 35 §5).
    A pause covers every day from its start's date to its end's date inclusive, in the
    municipality's time zone; none of those days counts, and the count resumes the day after.

Extensions.
    ``extension_days`` are added in the deadline's own unit (working or calendar days). The
    caller keeps the reason (the case engine stores it); the clock only computes.

Time.
    Naive datetimes are refused (``ValueError``); all arithmetic is done on the dates of the
    municipality's time zone. ``due_at`` is the office's closing time on the due day (the
    half-day closing time on a half day), as an aware datetime in that time zone.

Queries.
    A ``WorkingCalendar`` reads the municipality's holidays for a whole range of dates in one
    query, never one per day; the functions below build one wide enough for the usual deadline
    and read a further range only if a long run of days off pushes the count past it.
"""

import datetime
import zoneinfo
from collections.abc import Iterable, Sequence

from .models import Municipality

ONE_DAY = datetime.timedelta(days=1)
# Slack beyond the deadline's own length when reading holidays: a long holiday (Nowruz, a
# bridge of bayram days) with its weekends fits in it, so one query is the rule.
SLACK_DAYS = 60

DateOrDateTime = datetime.date | datetime.datetime
Pause = tuple[DateOrDateTime, DateOrDateTime]


class WorkingCalendar:
    """A municipality's working days from ``first`` on, holidays read ``first``..``last`` in one
    query; asking about a later day reads the next range (one more query)."""

    def __init__(self, municipality: Municipality, first: datetime.date, last: datetime.date):
        if last < first:
            raise ValueError("A working calendar's last day cannot come before its first.")
        self.municipality = municipality
        self.time_zone = zoneinfo.ZoneInfo(municipality.time_zone)
        self.weekend_days = frozenset(municipality.weekend_days or ())
        self.first = first
        self.last = first - ONE_DAY
        self._half_days: dict[datetime.date, bool] = {}
        self._load(last)

    def _load(self, last: datetime.date) -> None:
        rows = self.municipality.holidays.filter(date__gt=self.last, date__lte=last).values_list(
            "date", "is_half_day"
        )
        self._half_days.update(rows)
        self.last = last

    def _ensure(self, day: datetime.date) -> None:
        if day < self.first:
            raise ValueError(f"This working calendar starts after {day.isoformat()}.")
        if day > self.last:
            width = max((self.last - self.first).days, SLACK_DAYS)
            self._load(max(day, self.last + datetime.timedelta(days=width)))

    def is_working_day(self, day: datetime.date) -> bool:
        if day.weekday() in self.weekend_days:
            return False
        self._ensure(day)
        return self._half_days.get(day, True)

    def is_half_day(self, day: datetime.date) -> bool:
        self._ensure(day)
        return self._half_days.get(day, False) and day.weekday() not in self.weekend_days

    def closes_at(self, day: datetime.date) -> datetime.time | None:
        """The office's closing time on ``day``; None on a day off."""
        if not self.is_working_day(day):
            return None
        if self.is_half_day(day):
            return self.municipality.half_day_closes_at
        return self.municipality.office_closes_at

    def next_working_day(self, day: datetime.date) -> datetime.date:
        """The first working day after ``day``."""
        day += ONE_DAY
        while not self.is_working_day(day):
            day += ONE_DAY
        return day

    def at(self, day: datetime.date, time: datetime.time) -> datetime.datetime:
        return datetime.datetime.combine(day, time, tzinfo=self.time_zone)

    def received_at(self, start: DateOrDateTime) -> datetime.datetime:
        """When a request filed at ``start`` counts as received (see the module's rules)."""
        if isinstance(start, datetime.datetime):
            local = _aware(start).astimezone(self.time_zone)
            day, time = local.date(), local.time()
        else:
            local, day, time = None, start, None
        closes = self.closes_at(day)
        if closes is None or (time is not None and time >= closes):
            day, time = self.next_working_day(day), None
        opens = self.municipality.office_opens_at
        if time is None or time < opens:
            return self.at(day, opens)
        return local


def _aware(value: datetime.datetime) -> datetime.datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(
            "The clock refuses naive datetimes: pass an aware one (django.utils.timezone.now())."
        )
    return value


def _local_date(value: DateOrDateTime, time_zone: zoneinfo.ZoneInfo) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return _aware(value).astimezone(time_zone).date()
    return value


def _paused_days(pauses: Iterable[Pause], time_zone) -> list[tuple[datetime.date, datetime.date]]:
    """Each pause as its first and last local day, both excluded from the count."""
    spans = []
    for start, end in pauses:
        first, last = _local_date(start, time_zone), _local_date(end, time_zone)
        if last < first:
            raise ValueError("A pause cannot end before it starts.")
        spans.append((first, last))
    return spans


def _count(working_days, calendar_days, extension_days) -> tuple[int, bool]:
    if (working_days is None) == (calendar_days is None):
        raise ValueError(
            "Give the clock either working_days or calendar_days, not both or neither."
        )
    days = working_days if working_days is not None else calendar_days
    if days < 0 or extension_days < 0:
        raise ValueError("A deadline and its extension cannot be negative.")
    return days + extension_days, working_days is not None


def _calendar_for(municipality, start, days: int, paused: Sequence[tuple]) -> WorkingCalendar:
    first = _local_date(start, zoneinfo.ZoneInfo(municipality.time_zone))
    # Each working day needs at most a couple of calendar days; pauses add their own length.
    span = 2 * days + SLACK_DAYS + sum((last - first).days + 1 for first, last in paused)
    return WorkingCalendar(municipality, first, first + datetime.timedelta(days=span))


def _due(
    municipality,
    start,
    *,
    working_days,
    calendar_days,
    pauses,
    extension_days,
    roll_forward,
) -> tuple[datetime.date, WorkingCalendar]:
    days, in_working_days = _count(working_days, calendar_days, extension_days)
    paused = _paused_days(pauses, zoneinfo.ZoneInfo(municipality.time_zone))
    calendar = _calendar_for(municipality, start, days, paused)
    day = calendar.received_at(start).date()
    while days > 0:
        day += ONE_DAY
        if any(first <= day <= last for first, last in paused):
            continue
        if in_working_days and not calendar.is_working_day(day):
            continue
        days -= 1
    if not in_working_days and roll_forward and not calendar.is_working_day(day):
        day = calendar.next_working_day(day)
    return day, calendar


def due_date(
    municipality: Municipality,
    start: DateOrDateTime,
    *,
    working_days: int | None = None,
    calendar_days: int | None = None,
    pauses: Iterable[Pause] = (),
    extension_days: int = 0,
    roll_forward: bool = True,
) -> datetime.date:
    """The last day of a deadline of ``working_days`` or ``calendar_days`` counted from a
    request filed at ``start`` (an aware datetime, or a date: filed that day)."""
    day, _calendar = _due(
        municipality,
        start,
        working_days=working_days,
        calendar_days=calendar_days,
        pauses=pauses,
        extension_days=extension_days,
        roll_forward=roll_forward,
    )
    return day


def due_at(
    municipality: Municipality,
    start: DateOrDateTime,
    *,
    working_days: int | None = None,
    calendar_days: int | None = None,
    pauses: Iterable[Pause] = (),
    extension_days: int = 0,
    roll_forward: bool = True,
) -> datetime.datetime:
    """As ``due_date``, the moment the deadline ends: the office's closing time on the due day
    (its half-day closing time on a half day; its usual closing time on a calendar-day deadline
    kept on a day off), aware, in the municipality's time zone."""
    day, calendar = _due(
        municipality,
        start,
        working_days=working_days,
        calendar_days=calendar_days,
        pauses=pauses,
        extension_days=extension_days,
        roll_forward=roll_forward,
    )
    return calendar.at(day, calendar.closes_at(day) or municipality.office_closes_at)


def received_at(municipality: Municipality, start: DateOrDateTime) -> datetime.datetime:
    """When a request filed at ``start`` counts as received: ``start`` itself during office
    hours, otherwise the opening of that or the next working day."""
    calendar = _calendar_for(municipality, start, 0, ())
    return calendar.received_at(start)


def is_working_day(municipality: Municipality, day: datetime.date) -> bool:
    """Whether ``day`` is a working day of the municipality (a half day is one)."""
    return WorkingCalendar(municipality, day, day).is_working_day(day)


def working_days_between(
    municipality: Municipality, start: DateOrDateTime, end: DateOrDateTime
) -> int:
    """How many working days come after ``start``'s day up to ``end``'s day inclusive, as the
    clock counts them: ``working_days_between(m, d, due_date(m, d, working_days=n)) == n`` for a
    working day ``d``. Negative when ``end`` comes first (a deadline already passed)."""
    time_zone = zoneinfo.ZoneInfo(municipality.time_zone)
    first, last = _local_date(start, time_zone), _local_date(end, time_zone)
    if last < first:
        return -working_days_between(municipality, last, first)
    calendar = WorkingCalendar(municipality, first, last)
    count, day = 0, first
    while day < last:
        day += ONE_DAY
        count += calendar.is_working_day(day)
    return count
