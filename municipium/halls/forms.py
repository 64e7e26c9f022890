"""The requester's form: field shape only, the rules are in ``halls.services``."""

import datetime
import zoneinfo

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from municipium.core.site_dates import SiteDateField

from .models import HallBooking

HONEYPOT = "website"  # a field people never see (hidden by CSS); robots fill it in


class BookingForm(forms.Form):
    # ``day`` is the site's calendar's (``__init__``): a Solar Hijri site types 1405/09/15.
    starts = forms.TimeField(
        label=_("Starts at"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    ends = forms.TimeField(
        label=_("Ends at"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    purpose = forms.CharField(
        label=_("What is the event?"), widget=forms.Textarea(attrs={"rows": 4}), max_length=3000
    )
    audience = forms.IntegerField(label=_("How many people do you expect?"), min_value=1)
    equipment = forms.CharField(
        label=_("Equipment you need (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
    )
    requester = forms.ChoiceField(
        label=_("Who asks?"),
        choices=HallBooking.Requester.choices,
        initial=HallBooking.Requester.RESIDENT,
        widget=forms.RadioSelect,
    )
    organisation = forms.CharField(
        label=_("Name of the association"), required=False, max_length=200
    )
    name = forms.CharField(
        label=_("Your name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("E-mail"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    phone = forms.CharField(
        label=_("Telephone (optional)"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "tel"}),
    )
    waiting_list = forms.BooleanField(
        label=_("If the time is already taken, put me on its waiting list"), required=False
    )
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, time_zone: str, calendar: str, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields = {
            "day": SiteDateField(calendar=calendar, label=pgettext_lazy("calendar date", "Date")),
            **self.fields,
        }
        self.zone = zoneinfo.ZoneInfo(time_zone)

    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT, "").strip())

    def booking_data(self) -> dict:
        data = dict(self.cleaned_data)
        day = data.pop("day")
        data["starts_at"] = datetime.datetime.combine(day, data.pop("starts"), tzinfo=self.zone)
        data["ends_at"] = datetime.datetime.combine(day, data.pop("ends"), tzinfo=self.zone)
        data.pop("website", None)
        return data


class ReasonForm(forms.Form):
    """Staff's answer: the reason of a decline or a cancellation."""

    reason = forms.CharField(
        label=_("Reason (the requester reads it)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )
    waiting_list = forms.BooleanField(
        label=_("Put the request on the waiting list of its slot"), required=False
    )
