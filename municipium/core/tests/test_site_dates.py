"""A day typed on a public form in the site's calendar: a Persian page echoes it in Persian
digits whichever digits it was typed in, and reads both back."""

import datetime

from django import forms
from django.utils import translation

from municipium.core.formatting import GREGORIAN, SOLAR_HIJRI
from municipium.core.site_dates import SiteDateField

DEY_12_1405 = datetime.date(2027, 1, 2)


def _form(calendar: str, data: dict):
    class DayForm(forms.Form):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["day"] = SiteDateField(calendar=calendar, label="Day")

    return DayForm(data)


def test_a_persian_page_echoes_the_day_in_persian_digits():
    with translation.override("fa"):
        form = _form(SOLAR_HIJRI, {"day": "1405/10/12"})
        assert form.is_valid()
        assert form.cleaned_data["day"] == DEY_12_1405
        assert 'value="۱۴۰۵/۱۰/۱۲"' in str(form["day"])


def test_persian_digits_are_read_back():
    with translation.override("fa"):
        form = _form(SOLAR_HIJRI, {"day": "۱۴۰۵/۱۰/۱۲"})
        assert form.is_valid()
        assert form.cleaned_data["day"] == DEY_12_1405


def test_an_english_page_of_a_persian_site_keeps_latin_digits():
    with translation.override("en"):
        assert 'value="1405/10/12"' in str(_form(SOLAR_HIJRI, {"day": "1405/10/12"})["day"])


def test_a_gregorian_site_keeps_the_date_picker():
    with translation.override("tr"):
        bound = str(_form(GREGORIAN, {"day": "2027-01-02"})["day"])
    assert 'type="date"' in bound and 'value="2027-01-02"' in bound
