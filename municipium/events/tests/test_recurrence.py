"""Dates from a repetition rule, read in the event's own time zone."""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError

from municipium.events.recurrence import expand

UTC = datetime.UTC


def local(zone, *args):
    return datetime.datetime(*args, tzinfo=zoneinfo.ZoneInfo(zone))


def test_a_weekly_evening_stays_at_six_in_warsaw_across_the_march_change():
    starts = local("Europe/Warsaw", 2027, 3, 16, 18, 0)  # Tuesday, CET (UTC+1)
    dates = expand(
        rule="FREQ=WEEKLY;BYDAY=TU;COUNT=3",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        time_zone="Europe/Warsaw",
    )
    # The clocks go forward on Sunday 28 March 2027: 18:00 is 17:00 UTC before, 16:00 after.
    assert [start.astimezone(UTC).hour for start, _end in dates] == [17, 17, 16]
    warsaw = zoneinfo.ZoneInfo("Europe/Warsaw")
    assert {start.astimezone(warsaw).strftime("%H:%M") for start, _end in dates} == {"18:00"}
    assert {end.astimezone(warsaw).strftime("%H:%M") for _start, end in dates} == {"20:00"}
    assert all(start.tzinfo is not None and start.utcoffset() == datetime.timedelta(0)
               for start, _end in dates)  # fmt: skip


def test_a_weekly_evening_stays_at_six_in_warsaw_across_the_october_change():
    starts = local("Europe/Warsaw", 2027, 10, 26, 18, 0)  # CEST (UTC+2)
    dates = expand(
        rule="RRULE:FREQ=WEEKLY;COUNT=2",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
        time_zone="Europe/Warsaw",
    )
    assert [start.astimezone(UTC).hour for start, _end in dates] == [16, 17]


def test_an_evening_lasting_past_the_change_night_keeps_its_local_end():
    starts = local("Europe/Warsaw", 2027, 10, 30, 22, 0)  # Saturday before the change
    dates = expand(
        rule="FREQ=DAILY;COUNT=2",
        starts_at=starts,
        ends_at=local("Europe/Warsaw", 2027, 10, 31, 1, 0),
        time_zone="Europe/Warsaw",
    )
    warsaw = zoneinfo.ZoneInfo("Europe/Warsaw")
    assert [end.astimezone(warsaw).hour for _start, end in dates] == [1, 1]


def test_istanbul_has_no_change_of_the_clocks():
    starts = local("Europe/Istanbul", 2027, 3, 23, 18, 0)
    dates = expand(
        rule="FREQ=WEEKLY;COUNT=4",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        time_zone="Europe/Istanbul",
    )
    assert {start.astimezone(UTC).hour for start, _end in dates} == {15}


def test_a_tehran_rule_stays_put_in_the_spring_since_iran_dropped_summer_time():
    # Until 2022 the clocks went forward on 1 Farvardin (21/22 March); no more.
    starts = local("Asia/Tehran", 2027, 3, 15, 17, 0)
    dates = expand(
        rule="FREQ=WEEKLY;COUNT=3",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        time_zone="Asia/Tehran",
    )
    assert {start.astimezone(UTC).strftime("%H:%M") for start, _end in dates} == {"13:30"}


def test_exception_days_are_left_out_by_their_local_date():
    starts = local("Europe/Warsaw", 2027, 4, 6, 18, 0)
    dates = expand(
        rule="FREQ=WEEKLY;COUNT=4",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        time_zone="Europe/Warsaw",
        exceptions=[datetime.date(2027, 4, 13)],
    )
    warsaw = zoneinfo.ZoneInfo("Europe/Warsaw")
    assert [start.astimezone(warsaw).date().day for start, _end in dates] == [6, 20, 27]


def test_an_event_without_a_rule_has_its_one_date():
    starts = local("Europe/Istanbul", 2027, 5, 1, 10, 0)
    ends = starts + datetime.timedelta(hours=3)
    assert expand(rule="", starts_at=starts, ends_at=ends, time_zone="Europe/Istanbul") == [
        (starts.astimezone(UTC), ends.astimezone(UTC))
    ]


@pytest.mark.parametrize(
    ("rule", "field_message"),
    [
        ("FREQ=WEEKLY;BYDAY=TU", "repeat for ever"),
        ("FREQ=SOMETIMES;COUNT=3", "cannot be read"),
        ("FREQ=DAILY;COUNT=5000", "more than 500 dates"),
        ("FREQ=MONTHLY;UNTIL=20400101", "more than two years"),
        ("DTSTART:20270101T100000\nRRULE:FREQ=DAILY;COUNT=2", "one rule"),
    ],
)
def test_a_rule_that_never_ends_or_cannot_be_read_is_refused(rule, field_message):
    starts = local("Europe/Istanbul", 2027, 5, 1, 10, 0)
    with pytest.raises(ValidationError) as refused:
        expand(
            rule=rule,
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=1),
            time_zone="Europe/Istanbul",
        )
    assert field_message in " ".join(refused.value.message_dict["recurrence"])


def test_an_unknown_time_zone_is_refused_on_its_field():
    starts = local("Europe/Istanbul", 2027, 5, 1, 10, 0)
    with pytest.raises(ValidationError) as refused:
        expand(rule="", starts_at=starts, ends_at=starts, time_zone="Europe/Atlantis")
    assert "time_zone" in refused.value.message_dict
