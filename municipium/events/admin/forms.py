"""Admin forms of the programme: every choice (unit, venue, partners, image, the event of a
date) is limited to the user's municipalities and units, whatever id is posted."""

import zoneinfo

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from municipium.culture.forms import venue_and_unit_foreign_refuse
from municipium.culture.selectors import (
    partner_list_for_municipalities,
    venue_list_for_municipalities,
)
from municipium.organisation.forms import limit_formset_choices
from municipium.organisation.selectors import unit_list_for_staff
from municipium.tenancy.forms import MunicipalityOwnedForm

from ..selectors import event_list_for_staff


def _zone(name: str | None):
    try:
        return zoneinfo.ZoneInfo(name) if name else None
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


class LocalTimesMixin:
    """Staff read and enter an event's times in the event's own time zone (a Bornova clerk
    types 18:00 for 18:00 in Istanbul, whatever the admin's zone): shown there, and a time
    typed is taken as a time there."""

    local_time_fields = ("starts_at", "ends_at")

    def stored_zone(self):
        raise NotImplementedError

    def local_times_show(self):
        zone = self.stored_zone()
        for name in self.local_time_fields:
            if name not in self.fields:
                continue
            self.fields[name].help_text = _("In the event's own time zone.")
            value = getattr(self.instance, name, None) if self.instance.pk else None
            if value is not None and zone is not None:
                self.initial[name] = value.astimezone(zone).replace(tzinfo=None)

    def local_times_read(self, cleaned, zone) -> None:
        if zone is None:
            return
        current = timezone.get_current_timezone()
        for name in self.local_time_fields:
            value = cleaned.get(name)
            if value is not None:
                wall = value.astimezone(current).replace(tzinfo=None)
                cleaned[name] = wall.replace(tzinfo=zone)


class EventForm(LocalTimesMixin, MunicipalityOwnedForm):
    def stored_zone(self):
        if self.instance.pk:
            return _zone(self.instance.time_zone)
        return None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.local_times_show()
        municipalities = self.chooser_municipalities()
        units = unit_list_for_staff(user=self.for_user) if self.for_user is not None else None
        if units is not None:
            self.fields["unit"].queryset = units.filter(municipality__in=municipalities)
        self.fields["venue"].queryset = venue_list_for_municipalities(municipalities=municipalities)
        self.fields["partners"].queryset = partner_list_for_municipalities(
            municipalities=municipalities
        )
        self.fields["time_zone"].required = False
        self.fields["time_zone"].help_text = _(
            "Empty: the municipality's. An IANA name such as Europe/Istanbul."
        )
        texts = self.formsets.get("texts")
        if texts is not None:
            limit_formset_choices(texts)
            base = texts.form

            class TextForm(base):
                def __init__(self, *args, **kwargs):
                    super().__init__(*args, **kwargs)
                    if "slug" in self.fields:
                        self.fields["slug"].required = False
                        self.fields["slug"].help_text = _("Empty: made from the title.")

            TextForm.__name__ = base.__name__
            texts.form = TextForm
            texts.__dict__.pop("forms", None)

    def clean(self):
        cleaned = super().clean()
        municipality = cleaned.get("municipality") or getattr(self.instance, "municipality", None)
        zone_name = cleaned.get("time_zone") or getattr(municipality, "time_zone", None)
        self.local_times_read(cleaned, _zone(zone_name))
        venue_and_unit_foreign_refuse(self, cleaned, municipality=municipality)
        return cleaned


class OccurrenceForm(LocalTimesMixin, MunicipalityOwnedForm):
    """A date: its event chosen among those the user acts on (for a date added by hand), its
    time (in the event's time zone), status and a note for the people who come."""

    def stored_zone(self):
        return _zone(self.instance.event.time_zone) if self.instance.pk else None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.local_times_show()
        if "event" in self.fields:
            if self.instance.pk:
                self.fields["event"].disabled = True
            if self.for_user is not None:
                self.fields["event"].queryset = event_list_for_staff(
                    user=self.for_user
                ).prefetch_related("texts")

    def clean(self):
        cleaned = super().clean()
        event = cleaned.get("event") or (self.instance.event if self.instance.pk else None)
        if event is not None:
            self.local_times_read(cleaned, _zone(event.time_zone))
        return cleaned
