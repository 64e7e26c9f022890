"""A day a resident types on a public form, in the site's calendar.

On a Solar Hijri site it is a text field that reads ``1405/02/10`` or ``۱۴۰۵/۰۲/۱۰``
(``core.solar_hijri``), shows its example in the page's digits (Persian on a Persian page) and
refuses an impossible day with its reason, in the page's language; elsewhere it is the
browser's date picker (``type=date``, an ISO date). Either way it cleans to a Gregorian date.
The admin's date fields, which follow the staff member's calendar, are ``core.forms``'."""

from django import forms
from django.utils import translation
from django.utils.translation import gettext as _

from . import solar_hijri
from .formatting import SOLAR_HIJRI, localise_digits


def example_date() -> str:
    """The example of a Solar Hijri day in the current language's digits: ``۱۴۰۵/۰۲/۱۰``."""
    return localise_digits(solar_hijri.EXAMPLE_DATE, translation.get_language() or "en")


class _PageDigitsInput(forms.TextInput):
    """Shows the day typed in the page's digits (a Persian page echoes 1405/10/12, as the
    calendar's "more" link or a resident writes it, as ۱۴۰۵/۱۰/۱۲); both are read back."""

    def format_value(self, value):
        value = super().format_value(value)
        return localise_digits(value, translation.get_language() or "en") if value else value


class SiteDateField(forms.CharField):
    """A day typed in the site's ``calendar`` (``core.formatting.GREGORIAN`` or
    ``SOLAR_HIJRI``). Build it while the page's language is active (in the form's
    ``__init__``): its example and hint are written in it."""

    def __init__(self, *, calendar: str, hint: bool = True, **kwargs):
        self.calendar = calendar
        if calendar == SOLAR_HIJRI:
            kwargs.setdefault("widget", _PageDigitsInput)
        super().__init__(**kwargs)
        if calendar == SOLAR_HIJRI:
            example = example_date()
            self.widget.attrs.update({"placeholder": example, "inputmode": "numeric", "dir": "ltr"})
            if hint and not self.help_text:
                self.help_text = _(
                    "Enter the date in the Solar Hijri calendar as year/month/day, "
                    "for example %(example)s."
                ) % {"example": example}
        else:
            self.widget.input_type = "date"

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        if self.calendar == SOLAR_HIJRI:
            return solar_hijri.parse_date(value)
        return forms.DateField().clean(value)
