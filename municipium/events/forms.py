"""The programme's filter form, read from the query string of the list, the calendar and the
feed. A value that is not among the choices, or an unreadable date or age, is dropped (that
filter shows everything) with the field's message, never an error page."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from municipium.core.site_dates import SiteDateField
from municipium.culture.choices import Audience

from .public import FilterChoices, ProgrammeFilters


class ProgrammeFilterForm(forms.Form):
    event_type = forms.ChoiceField(label=pgettext_lazy("programme filter", "Type"), required=False)
    audience = forms.ChoiceField(
        label=pgettext_lazy("programme filter", "For whom"),
        required=False,
        choices=[("", pgettext_lazy("programme filter", "Everyone")), *Audience.choices],
    )
    age = forms.IntegerField(
        label=pgettext_lazy("programme filter", "Age"),
        required=False,
        min_value=0,
        max_value=120,
        help_text=_("Events open to this age."),
    )
    venue = forms.TypedChoiceField(
        label=pgettext_lazy("programme filter", "Venue"), required=False, coerce=int
    )
    price = forms.ChoiceField(
        label=pgettext_lazy("programme filter", "Price"),
        required=False,
        choices=[
            ("", pgettext_lazy("programme filter", "Free or paid")),
            ("free", pgettext_lazy("programme filter", "Free")),
            ("paid", pgettext_lazy("programme filter", "Paid")),
        ],
    )

    def __init__(self, data, *, choices: FilterChoices, calendar: str, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["event_type"].choices = [
            ("", pgettext_lazy("programme filter", "All types")),
            *choices.event_types,
        ]
        self.fields["venue"].choices = [
            ("", pgettext_lazy("programme filter", "All venues")),
            *choices.venues,
        ]
        # The filters show no help text: the placeholder is the hint.
        self.fields["date_from"] = SiteDateField(
            calendar=calendar,
            hint=False,
            required=False,
            label=pgettext_lazy("programme filter", "From"),
        )
        self.fields["date_to"] = SiteDateField(
            calendar=calendar,
            hint=False,
            required=False,
            label=pgettext_lazy("programme filter", "Until"),
        )
        for name in list(self.fields):
            self.fields[name].widget.attrs.setdefault("class", "programme-filters__input")
        self.is_valid()
        # Drop what is invalid: that filter then shows everything.
        for name in self.errors:
            self.cleaned_data.pop(name, None)

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            raise ValidationError(
                {"date_to": _("The last day is before the first: swap them or change one.")}
            )
        return data

    def filters(self) -> ProgrammeFilters:
        data = self.cleaned_data
        return ProgrammeFilters(
            event_type=data.get("event_type") or "",
            audience=data.get("audience") or "",
            age=data.get("age"),
            venue=data.get("venue") or None,
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            price=data.get("price") or "",
        )

    @property
    def active(self) -> bool:
        return any(value not in (None, "") for value in self.cleaned_data.values())

    def query_string(self) -> str:
        """The valid filters as a query string (for the feed's address), without a page."""
        from django.http import QueryDict

        query = QueryDict(mutable=True)
        for name in self.fields:
            if name in self.cleaned_data and self.data.get(name) not in (None, ""):
                query[name] = self.data.get(name)
        return query.urlencode()
