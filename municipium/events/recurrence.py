"""An event's dates from its repetition rule (RFC 5545 ``RRULE``), read in the event's own
time zone.

The rule is expanded with naive local times (``dateutil.rrule.rrulestr`` with a naive
``DTSTART``), and each date is then placed in the event's zone and stored in UTC: a weekly
rehearsal at 18:00 stays at 18:00 local when the clocks change (its UTC time moves by an hour),
as calendar applications read the same rule with ``DTSTART;TZID=…``. A local time that does
not exist on a day the clocks go forward (02:30 in Warsaw on the last Sunday of March) is
placed as zoneinfo places it (fold 0: the offset before the change), and an ambiguous one
(the autumn's repeated hour) at its first occurrence.

Exception dates (``EXDATE``) are days in the event's zone: staff remove "the 14th", not an
instant. A rule must end (``COUNT`` or ``UNTIL``) and stay within the horizon (at most
``MAX_DATES`` dates, none later than ``HORIZON_DAYS`` after the first): a rule that never ends
is bad input, refused with a message in the user's language.

Multi-session courses use the same rule: "every Tuesday, ten times" is one field to read and
change; a course whose sessions follow no rule gets its other sessions as dates added by hand
(``events.services.occurrence_add``, iCalendar's ``RDATE``), which a new expansion keeps.
"""

import datetime
import itertools
import zoneinfo

from dateutil.rrule import rrule, rrulestr
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_DATES = 500
HORIZON_DAYS = 2 * 366


def zone_get(name: str) -> zoneinfo.ZoneInfo:
    """The time zone named ``name`` (an IANA name), or a ValidationError."""
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError) as error:
        raise ValidationError(
            {"time_zone": _("“%(name)s” is not a time zone.") % {"name": name}}
        ) from error


def rule_normalise(text: str) -> str:
    """The rule as stored: one ``RRULE`` value without its ``RRULE:`` prefix, upper case."""
    text = (text or "").strip()
    if text.upper().startswith("RRULE:"):
        text = text[len("RRULE:") :]
    return text.upper()


def rule_parse(text: str, *, dtstart: datetime.datetime) -> rrule:
    """The rule of ``text`` from the naive local ``dtstart``; a ValidationError (on the
    ``recurrence`` field) for a rule that cannot be read, that never ends, or that starts
    itself (``DTSTART`` belongs to the event's first date)."""
    text = rule_normalise(text)
    if any(line.strip() for line in text.splitlines()[1:]) or "DTSTART" in text:
        raise ValidationError(
            {"recurrence": _("Give one rule (RRULE) only; the first date is the event's start.")}
        )
    try:
        rule = rrulestr(text, dtstart=dtstart, ignoretz=True)
    except (ValueError, TypeError, KeyError, IndexError) as error:
        raise ValidationError(
            {
                "recurrence": _(
                    "This repetition rule cannot be read: %(error)s. Example: "
                    "FREQ=WEEKLY;BYDAY=TU;COUNT=10."
                )
                % {"error": error}
            }
        ) from error
    if not isinstance(rule, rrule):
        raise ValidationError({"recurrence": _("Give one rule (RRULE) only.")})
    if rule._count is None and rule._until is None:
        raise ValidationError(
            {
                "recurrence": _(
                    "This event would repeat for ever: say how many times (COUNT=10) or until "
                    "when (UNTIL=20270630) it repeats."
                )
            }
        )
    return rule


def _local(moment: datetime.datetime, zone: zoneinfo.ZoneInfo) -> datetime.datetime:
    return moment.astimezone(zone).replace(tzinfo=None)


def _aware_utc(local: datetime.datetime, zone: zoneinfo.ZoneInfo) -> datetime.datetime:
    return local.replace(tzinfo=zone).astimezone(datetime.UTC)


def expand(
    *,
    rule: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    time_zone: str,
    exceptions=(),
) -> list[tuple[datetime.datetime, datetime.datetime]]:
    """The dates of an event, (start, end) in UTC, in order: the first date alone for an
    event without a rule, else the rule's dates without those on the ``exceptions`` days
    (local dates). Every date lasts as long as the first, in local time (18:00–20:00 stays
    18:00–20:00 across a change of the clocks)."""
    zone = zone_get(time_zone)
    local_start = _local(starts_at, zone)
    duration = _local(ends_at, zone) - local_start
    if not rule_normalise(rule):
        dates = [local_start]
    else:
        parsed = rule_parse(rule, dtstart=local_start)
        dates = list(itertools.islice(iter(parsed), MAX_DATES + 1))
        if len(dates) > MAX_DATES:
            raise ValidationError(
                {
                    "recurrence": _(
                        "This rule gives more than %(count)d dates: end it sooner or split "
                        "the event."
                    )
                    % {"count": MAX_DATES}
                }
            )
        if dates and dates[-1] > local_start + datetime.timedelta(days=HORIZON_DAYS):
            raise ValidationError(
                {
                    "recurrence": _(
                        "This rule repeats for more than two years: end it sooner (UNTIL) "
                        "and plan the next season as a new event."
                    )
                }
            )
    skipped = set(exceptions)
    return [
        (_aware_utc(local, zone), _aware_utc(local + duration, zone))
        for local in dates
        if local.date() not in skipped
    ]
