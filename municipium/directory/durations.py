"""How long a service takes, as the service standards table writes it: a value and a unit
('20 Sn', '5 Dakika', '3 GÜN'), 'immediately' ('ANINDA'), or a free text ('1-8 Saat')."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext, pgettext_lazy

from municipium.core.formatting import localise_digits


class DurationUnit(models.TextChoices):
    SECONDS = "seconds", _("seconds")
    MINUTES = "minutes", _("minutes")
    HOURS = "hours", _("hours")
    DAYS = "days", _("days")
    WORKING_DAYS = "working_days", _("working days")
    IMMEDIATELY = "immediately", pgettext_lazy("time to complete", "immediately")


def _with_unit(value: int, unit: str) -> str:
    # One literal pair per unit, so that translators see every plural form (Polish has four).
    if unit == DurationUnit.SECONDS:
        text = ngettext("%(count)s second", "%(count)s seconds", value)
    elif unit == DurationUnit.MINUTES:
        text = ngettext("%(count)s minute", "%(count)s minutes", value)
    elif unit == DurationUnit.HOURS:
        text = ngettext("%(count)s hour", "%(count)s hours", value)
    elif unit == DurationUnit.DAYS:
        text = ngettext("%(count)s day", "%(count)s days", value)
    else:
        text = ngettext("%(count)s working day", "%(count)s working days", value)
    return text % {"count": value}


def duration_text(*, value: int | None, unit: str, free_text: str = "") -> str:
    """The time to complete in the active language, with its digits ('۳ روز' in Persian)."""
    if free_text:
        return free_text
    if unit == DurationUnit.IMMEDIATELY:
        return pgettext("time to complete", "Immediately")
    if value is None or not unit:
        return ""
    return localise_digits(_with_unit(value, unit), translation.get_language() or "en")
