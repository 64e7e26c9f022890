"""The clock, against worked examples from each country, counted by hand in the comments.

Holidays come from ``public_holiday_seed`` (the ``holidays`` package) for the year in question;
their dates were checked against the official calendars (Diyanet for Turkey's bayrams, the
Solar Hijri calendar for Nowruz 1405, Poland's statute on days off).
"""

import datetime
import zoneinfo

import pytest

from municipium.tenancy.clock import (
    WorkingCalendar,
    due_at,
    due_date,
    is_working_day,
    received_at,
    working_days_between,
)
from municipium.tenancy.models import PublicHoliday
from municipium.tenancy.services import public_holiday_seed

pytestmark = pytest.mark.django_db

D = datetime.date


def at(municipality, day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    zone = zoneinfo.ZoneInfo(municipality.time_zone)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=zone)


@pytest.fixture
def bornova(municipality_factory):
    town = municipality_factory(slug="bornova", time_zone="Europe/Istanbul")
    public_holiday_seed(municipality=town, years=[2026])
    return town


@pytest.fixture
def bumehen(municipality_factory):
    town = municipality_factory(
        slug="bumehen", country="IR", languages=["fa", "en"], time_zone="Asia/Tehran",
        weekend_days=[4],
    )  # fmt: skip
    public_holiday_seed(municipality=town, years=[2026])
    return town


@pytest.fixture
def rudziniec(municipality_factory):
    town = municipality_factory(
        slug="rudziniec", country="PL", languages=["pl", "en"], time_zone="Europe/Warsaw"
    )
    public_holiday_seed(municipality=town, years=[2025, 2026])
    return town


# Turkey: Kurban Bayramı 2026 is Wednesday 27 to Saturday 30 May; its eve, Tuesday 26 May, is a
# half day (offices close from 13:00, i.e. at the 12:30 lunch break).


def test_turkey_five_working_days_across_kurban_bayrami(bornova):
    # Filed Monday 25 May at 10:00, the day before the eve; the 25th is not counted.
    # Tue 26 (half day, still a working day) 1; Wed 27 - Sat 30 bayram, Sun 31 weekend;
    # Mon 1 June 2, Tue 2 3, Wed 3 4, Thu 4 5.
    filed = at(bornova, D(2026, 5, 25), 10)
    assert due_date(bornova, filed, working_days=5) == D(2026, 6, 4)
    assert due_at(bornova, filed, working_days=5) == at(bornova, D(2026, 6, 4), 17, 30)


def test_turkey_a_deadline_on_the_eve_ends_at_the_half_day_closing(bornova):
    # Filed Monday 25 May: 1 working day is Tuesday 26, the eve, when offices close at 12:30.
    filed = at(bornova, D(2026, 5, 25), 10)
    assert due_at(bornova, filed, working_days=1) == at(bornova, D(2026, 5, 26), 12, 30)


def test_turkey_a_filing_after_the_half_day_closing_is_received_after_the_bayram(bornova):
    # Filed Tuesday 26 May at 14:00, after the eve's 12:30 closing: received Monday 1 June at
    # 08:30 (27-30 bayram, 31 Sunday). Counted from Tue 2: 2, 3, 4, 5, Mon 8 June.
    filed = at(bornova, D(2026, 5, 26), 14)
    assert received_at(bornova, filed) == at(bornova, D(2026, 6, 1), 8, 30)
    assert due_date(bornova, filed, working_days=5) == D(2026, 6, 8)


def test_turkey_a_filing_on_the_eve_morning_is_received_that_day(bornova):
    # Filed Tuesday 26 May at 11:00, before the 12:30 closing: received on the 26th, counted
    # from Mon 1 June: 1, 2, 3, 4, Fri 5 June.
    filed = at(bornova, D(2026, 5, 26), 11)
    assert received_at(bornova, filed) == filed
    assert due_date(bornova, filed, working_days=5) == D(2026, 6, 5)


# Iran: the weekend is Friday. 1 Farvardin 1405 (Nowruz) is Saturday 21 March 2026; Nowruz
# holidays are 1-4 Farvardin (21-24 March), 29 Esfand 1404 (Friday 20 March) is the Oil
# Nationalisation day. Eid al-Fitr 1447, which moves with the lunar calendar, falls on 21-22
# March this year, inside Nowruz; the martyrdom of Imam Ali (21 Ramadan) on Wednesday 11 March.


def test_iran_ten_working_days_across_nowruz_and_the_moving_religious_holidays(bumehen):
    # Filed Sunday 8 March (17 Esfand 1404) at 09:00 Tehran time; the 8th is not counted.
    # Mon 9 1, Tue 10 2, Wed 11 off (Imam Ali), Thu 12 3, Fri 13 weekend, Sat 14 4, Sun 15 5,
    # Mon 16 6, Tue 17 7, Wed 18 8, Thu 19 9, Fri 20 weekend and holiday, Sat 21 - Tue 24
    # Nowruz and Eid al-Fitr, Wed 25 March (5 Farvardin 1405) 10.
    filed = at(bumehen, D(2026, 3, 8), 9)
    assert due_date(bumehen, filed, working_days=10) == D(2026, 3, 25)
    assert due_at(bumehen, filed, working_days=10) == at(bumehen, D(2026, 3, 25), 17, 30)


def test_iran_the_moving_holiday_is_what_the_municipality_keeps(bumehen):
    # If the moon is sighted a day later and staff move Imam Ali's martyrdom from Wednesday 11
    # to Thursday 12 March, Wednesday counts and Thursday does not: the deadline is unchanged
    # in length but counted on other days (Mon 9 1, Tue 10 2, Wed 11 3, Sat 14 4 ...).
    holiday = bumehen.holidays.get(date=D(2026, 3, 11))
    holiday.date, holiday.source = D(2026, 3, 12), PublicHoliday.Source.STAFF
    holiday.save()
    filed = at(bumehen, D(2026, 3, 8), 9)
    assert due_date(bumehen, filed, working_days=3) == D(2026, 3, 11)
    assert due_date(bumehen, filed, working_days=4) == D(2026, 3, 14)


def test_iran_thursday_is_a_working_day_and_friday_is_not(bumehen):
    assert is_working_day(bumehen, D(2026, 3, 12))
    assert not is_working_day(bumehen, D(2026, 3, 13))
    assert not is_working_day(bumehen, D(2026, 3, 21))  # Nowruz, a Saturday


def test_iran_a_filing_late_in_utc_is_counted_on_tehrans_date(bumehen):
    # 21:00 UTC on Tuesday 17 March is 00:30 on Wednesday 18 March in Tehran (UTC+3:30),
    # before opening: received Wednesday 18 at 08:30; 1 working day is Thursday 19.
    filed = datetime.datetime(2026, 3, 17, 21, 0, tzinfo=datetime.UTC)
    assert received_at(bumehen, filed) == at(bumehen, D(2026, 3, 18), 8, 30)
    assert due_date(bumehen, filed, working_days=1) == D(2026, 3, 19)


# Poland: Easter Monday is 6 April 2026; All Saints' Day (1 November) was a Saturday in 2025
# and is a Sunday in 2026.


def test_poland_five_working_days_across_easter_monday(rudziniec):
    # Filed Thursday 2 April at 10:00. Fri 3 1, Sat 4 and Sun 5 (Easter) weekend, Mon 6 Easter
    # Monday, Tue 7 2, Wed 8 3, Thu 9 4, Fri 10 April 5.
    filed = at(rudziniec, D(2026, 4, 2), 10)
    assert due_date(rudziniec, filed, working_days=5) == D(2026, 4, 10)


def test_poland_a_calendar_day_deadline_ending_on_a_saturday_rolls_past_all_saints(rudziniec):
    # Filed Thursday 1 October 2026; 30 calendar days from Friday 2 end on Saturday 31
    # October. KPA art. 57 §4 moves it past Saturday and Sunday 1 November (All Saints' Day,
    # also a Sunday) to Monday 2 November.
    filed = at(rudziniec, D(2026, 10, 1), 10)
    assert due_date(rudziniec, filed, calendar_days=30) == D(2026, 11, 2)
    assert due_date(rudziniec, filed, calendar_days=30, roll_forward=False) == D(2026, 10, 31)


def test_poland_a_calendar_day_deadline_ending_on_easter_rolls_past_easter_monday(rudziniec):
    # Filed Wednesday 1 April; 4 calendar days end on Sunday 5 April (Easter), Monday 6 is
    # Easter Monday: the deadline is Tuesday 7 April.
    filed = at(rudziniec, D(2026, 4, 1), 10)
    assert due_date(rudziniec, filed, calendar_days=4) == D(2026, 4, 7)


def test_poland_an_extra_day_off_entered_by_staff_is_respected(rudziniec):
    # All Saints' Day 2025 was a Saturday, so the office gives Monday 10 November off (Labour
    # Code art. 130 §2). Filed Thursday 30 October 2025: Fri 31 1, Mon 3 2, Tue 4 3, Wed 5 4,
    # Thu 6 5, Fri 7 6, then Mon 10 would be 7; with it off and Tue 11 (Independence Day) a
    # holiday, the 7th working day is Wednesday 12 November.
    filed = at(rudziniec, D(2025, 10, 30), 10)
    assert due_date(rudziniec, filed, working_days=7) == D(2025, 11, 10)
    PublicHoliday.objects.create(
        municipality=rudziniec,
        date=D(2025, 11, 10),
        name="Dzień wolny za 1 listopada",
        source=PublicHoliday.Source.STAFF,
    )
    assert due_date(rudziniec, filed, working_days=7) == D(2025, 11, 12)


# Pauses and extensions (Poland, January 2026: Tue 6 is Epiphany, then no holiday).


def test_days_in_a_pause_do_not_count_and_the_count_resumes_after_it(rudziniec):
    # Filed Monday 12 January. Without a pause, 10 working days: 13 14 15 16 19 20 21 22 23,
    # Mon 26. Waiting for a fee from Wednesday 14 at 09:00 to Friday 16 at 15:00 takes 14, 15
    # and 16 out: 13, 19 20 21 22 23, 26 27 28, Thursday 29 January.
    filed = at(rudziniec, D(2026, 1, 12), 10)
    assert due_date(rudziniec, filed, working_days=10) == D(2026, 1, 26)
    fee = (at(rudziniec, D(2026, 1, 14), 9), at(rudziniec, D(2026, 1, 16), 15))
    assert due_date(rudziniec, filed, working_days=10, pauses=[fee]) == D(2026, 1, 29)
    as_dates = (D(2026, 1, 14), D(2026, 1, 16))
    assert due_date(rudziniec, filed, working_days=10, pauses=[as_dates]) == D(2026, 1, 29)


def test_a_pause_stops_a_calendar_day_deadline_too(rudziniec):
    # Filed Monday 12 January, 14 calendar days: Monday 26. Three paused days: Thursday 29.
    filed = at(rudziniec, D(2026, 1, 12), 10)
    assert due_date(rudziniec, filed, calendar_days=14) == D(2026, 1, 26)
    pause = (D(2026, 1, 14), D(2026, 1, 16))
    assert due_date(rudziniec, filed, calendar_days=14, pauses=[pause]) == D(2026, 1, 29)


def test_an_extension_adds_days_in_the_deadlines_own_unit(rudziniec):
    # 10 working days from Monday 12 January end Monday 26; 5 more working days: 27 28 29 30,
    # Monday 2 February. 14 calendar days end Monday 26; 5 more: Saturday 31, rolled to Mon 2.
    filed = at(rudziniec, D(2026, 1, 12), 10)
    assert due_date(rudziniec, filed, working_days=10, extension_days=5) == D(2026, 2, 2)
    assert due_date(rudziniec, filed, calendar_days=14, extension_days=5) == D(2026, 2, 2)


def test_a_pause_in_the_time_zone_of_the_municipality(rudziniec):
    # A pause ending at 23:30 UTC on Friday 16 January ends on Saturday 17 in Warsaw: the
    # weekend is off anyway, so the deadline is the same as for a pause ending on the 16th.
    filed = at(rudziniec, D(2026, 1, 12), 10)
    pause = (D(2026, 1, 14), datetime.datetime(2026, 1, 16, 23, 30, tzinfo=datetime.UTC))
    assert due_date(rudziniec, filed, working_days=10, pauses=[pause]) == D(2026, 1, 29)


# Receipt: after hours, before opening, on a weekend.


def test_one_working_day_from_a_monday_morning_filing_is_due_on_tuesday(rudziniec):
    filed = at(rudziniec, D(2026, 1, 12), 9)
    assert due_date(rudziniec, filed, working_days=1) == D(2026, 1, 13)
    assert due_date(rudziniec, filed, working_days=0) == D(2026, 1, 12)


def test_a_filing_after_closing_time_is_received_the_next_working_day(rudziniec):
    # Monday 12 January at 18:00 (after 17:30): received Tuesday 13 at 08:30; due Wednesday 14.
    filed = at(rudziniec, D(2026, 1, 12), 18)
    assert received_at(rudziniec, filed) == at(rudziniec, D(2026, 1, 13), 8, 30)
    assert due_date(rudziniec, filed, working_days=1) == D(2026, 1, 14)
    at_closing = at(rudziniec, D(2026, 1, 12), 17, 30)
    assert due_date(rudziniec, at_closing, working_days=1) == D(2026, 1, 14)


def test_a_filing_before_opening_is_received_at_opening_the_same_day(rudziniec):
    filed = at(rudziniec, D(2026, 1, 12), 6)
    assert received_at(rudziniec, filed) == at(rudziniec, D(2026, 1, 12), 8, 30)
    assert due_date(rudziniec, filed, working_days=1) == D(2026, 1, 13)


def test_a_filing_on_a_weekend_is_received_on_monday(rudziniec):
    # Saturday 10 January: received Monday 12 at 08:30; 1 working day is Tuesday 13.
    filed = at(rudziniec, D(2026, 1, 10), 11)
    assert received_at(rudziniec, filed) == at(rudziniec, D(2026, 1, 12), 8, 30)
    assert due_date(rudziniec, filed, working_days=1) == D(2026, 1, 13)
    assert due_date(rudziniec, D(2026, 1, 10), working_days=1) == D(2026, 1, 13)


def test_the_municipalitys_own_office_hours_decide_receipt(rudziniec):
    rudziniec.office_opens_at, rudziniec.office_closes_at = (
        datetime.time(7, 30),
        datetime.time(15, 30),
    )
    filed = at(rudziniec, D(2026, 1, 12), 16)
    assert received_at(rudziniec, filed) == at(rudziniec, D(2026, 1, 13), 7, 30)
    assert due_at(rudziniec, filed, working_days=1) == at(rudziniec, D(2026, 1, 14), 15, 30)


def test_a_municipality_without_holidays_has_only_its_weekends_off(municipality_factory):
    # No holidays seeded: Easter Monday is an ordinary Monday. Filed Thursday 2 April 2026:
    # Fri 3 1, Mon 6 2, Tue 7 3, Wed 8 4, Thu 9 5.
    town = municipality_factory(
        slug="nowa", country="PL", languages=["pl"], time_zone="Europe/Warsaw"
    )
    filed = at(town, D(2026, 4, 2), 10)
    assert due_date(town, filed, working_days=5) == D(2026, 4, 9)


# Counting between two days.


def test_working_days_between_counts_as_the_deadline_does(bornova):
    start = D(2026, 5, 25)
    assert working_days_between(bornova, start, D(2026, 6, 4)) == 5
    assert working_days_between(bornova, D(2026, 6, 4), start) == -5
    assert working_days_between(bornova, start, start) == 0
    assert working_days_between(bornova, at(bornova, start, 10), at(bornova, D(2026, 6, 1), 9)) == 2


# Refusals.


def test_naive_datetimes_are_refused(rudziniec):
    naive = datetime.datetime(2026, 1, 12, 10)
    with pytest.raises(ValueError, match="naive"):
        due_date(rudziniec, naive, working_days=1)
    with pytest.raises(ValueError, match="naive"):
        due_date(rudziniec, D(2026, 1, 12), working_days=1, pauses=[(naive, naive)])
    with pytest.raises(ValueError, match="naive"):
        working_days_between(rudziniec, naive, D(2026, 1, 20))


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"working_days": 1, "calendar_days": 1},
        {"working_days": -1},
        {"calendar_days": 1, "extension_days": -1},
    ],
)
def test_the_deadline_needs_one_unit_and_no_negative_count(rudziniec, kwargs):
    with pytest.raises(ValueError):
        due_date(rudziniec, D(2026, 1, 12), **kwargs)


def test_a_pause_that_ends_before_it_starts_is_refused(rudziniec):
    with pytest.raises(ValueError, match="pause"):
        due_date(
            rudziniec, D(2026, 1, 12), working_days=3, pauses=[(D(2026, 1, 16), D(2026, 1, 14))]
        )


# Queries.


def test_a_deadline_reads_the_holidays_in_one_query(bumehen, django_assert_num_queries):
    filed = at(bumehen, D(2026, 3, 8), 9)
    with django_assert_num_queries(1):
        assert due_date(bumehen, filed, working_days=10) == D(2026, 3, 25)
    with django_assert_num_queries(1):
        due_at(bumehen, filed, working_days=60, pauses=[(D(2026, 3, 9), D(2026, 4, 30))])
    with django_assert_num_queries(1):
        assert working_days_between(bumehen, D(2026, 1, 1), D(2026, 12, 31)) > 250


def test_a_working_calendar_reads_further_only_when_asked_past_its_range(
    bornova, django_assert_num_queries
):
    with django_assert_num_queries(1):
        calendar = WorkingCalendar(bornova, D(2026, 5, 1), D(2026, 5, 31))
        assert [calendar.is_working_day(D(2026, 5, day)) for day in (25, 26, 27, 30, 31)] == [
            True, True, False, False, False,
        ]  # fmt: skip
        assert calendar.is_half_day(D(2026, 5, 26))
        assert calendar.closes_at(D(2026, 5, 26)) == datetime.time(12, 30)
        assert calendar.closes_at(D(2026, 5, 27)) is None
    with django_assert_num_queries(1):
        assert not calendar.is_working_day(D(2026, 10, 29))
    with django_assert_num_queries(0):
        assert calendar.is_working_day(D(2026, 10, 28))  # the eve of Republic Day
