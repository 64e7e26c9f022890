import datetime

import pytest

from municipium.tenancy.models import PublicHoliday
from municipium.tenancy.selectors import is_working_day
from municipium.tenancy.services import public_holiday_seed

pytestmark = pytest.mark.django_db


def test_turkish_holidays_are_seeded_with_half_days_in_turkish(municipality_factory):
    bornova = municipality_factory(slug="bornova")
    added = public_holiday_seed(municipality=bornova, years=[2026])
    holidays = {h.date: h for h in bornova.holidays.all()}
    assert added == len(holidays) > 10
    assert holidays[datetime.date(2026, 10, 29)].name == "Cumhuriyet Bayramı"
    assert holidays[datetime.date(2026, 10, 28)].is_half_day
    assert not holidays[datetime.date(2026, 10, 29)].is_half_day


def test_irans_future_religious_holidays_are_marked_as_estimates(municipality_factory):
    bumehen = municipality_factory(
        slug="bumehen", country="IR", languages=["fa", "en"], time_zone="Asia/Tehran"
    )
    public_holiday_seed(municipality=bumehen, years=[2030])
    estimates = bumehen.holidays.filter(is_estimate=True)
    assert estimates.exists()
    assert not bumehen.holidays.get(date=datetime.date(2030, 3, 21)).is_estimate  # Nowruz


def test_seeding_again_keeps_what_staff_corrected(municipality_factory):
    bornova = municipality_factory(slug="bornova")
    public_holiday_seed(municipality=bornova, years=[2026])
    corrected = bornova.holidays.get(date=datetime.date(2026, 5, 1))
    corrected.name = "1 Mayıs"
    corrected.source = PublicHoliday.Source.STAFF
    corrected.save()
    assert public_holiday_seed(municipality=bornova, years=[2026]) == 0
    assert bornova.holidays.get(date=datetime.date(2026, 5, 1)).name == "1 Mayıs"


def test_polish_christmas_eve_is_a_holiday_from_2025(municipality_factory):
    gok = municipality_factory(
        slug="gok", country="PL", languages=["pl", "en"], time_zone="Europe/Warsaw"
    )
    public_holiday_seed(municipality=gok, years=[2026])
    assert gok.holidays.filter(date=datetime.date(2026, 12, 24)).exists()


def test_working_days_follow_the_weekend_and_holidays_of_the_municipality(
    municipality_factory,
):
    bumehen = municipality_factory(
        slug="bumehen", country="IR", languages=["fa", "en"], weekend_days=[4],
        time_zone="Asia/Tehran",
    )  # fmt: skip
    bornova = municipality_factory(slug="bornova")
    public_holiday_seed(municipality=bornova, years=[2026])
    friday, saturday = datetime.date(2026, 11, 27), datetime.date(2026, 11, 28)
    assert not is_working_day(municipality=bumehen, day=friday)
    assert is_working_day(municipality=bumehen, day=saturday)
    assert is_working_day(municipality=bornova, day=friday)
    assert not is_working_day(municipality=bornova, day=saturday)
    assert not is_working_day(municipality=bornova, day=datetime.date(2026, 10, 29))
    assert is_working_day(municipality=bornova, day=datetime.date(2026, 10, 28))  # half day
