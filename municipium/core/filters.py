"""A date range filter for the admin's lists, typed and shown in the staff member's calendar.

Wagtail's ``DateFromToRangeFilter`` with its ``DateRangePickerWidget`` reads and shows
Gregorian dates only; ``CalendarDateFromToRangeFilter`` reads its two dates through
``core.forms.CalendarDateField`` (``1405/09/10`` or ``۱۴۰۵/۰۹/۱۰`` in the Solar Hijri calendar,
with our picker) and its active filter's label names them as ``{% staff_date %}`` does."""

import datetime

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters.fields import DateRangeField, RangeField
from django_filters.widgets import SuffixedMultiWidget
from wagtail.admin.active_filters import (
    DateFromToRangeFilterAdapter,
    register_filter_adapter_class,
)
from wagtail.admin.filters import DateRangePickerWidget

from .forms import CalendarDateField, CalendarDateInput
from .templatetags.municipium import staff_date_text


class CalendarDateRangeWidget(DateRangePickerWidget):
    def __init__(self, attrs=None):
        widgets = (
            CalendarDateInput(attrs={"placeholder": _("Date from")}),
            CalendarDateInput(attrs={"placeholder": _("Date to")}),
        )
        SuffixedMultiWidget.__init__(self, widgets, attrs)


class CalendarDateRangeField(DateRangeField):
    widget = CalendarDateRangeWidget

    def __init__(self, *args, **kwargs):
        RangeField.__init__(self, (CalendarDateField(), CalendarDateField()), *args, **kwargs)


class CalendarDateFromToRangeFilter(django_filters.DateFromToRangeFilter):
    field_class = CalendarDateRangeField


class CalendarDateRangeAdapter(DateFromToRangeFilterAdapter):
    def format_value(self, value):
        """The day alone: the range's ends are the first and last moment of their days."""
        if value is None:
            return self.empty_value_label
        if isinstance(value, datetime.datetime):
            value = timezone.localtime(value).date()
        return staff_date_text(value)


register_filter_adapter_class(CalendarDateFromToRangeFilter, CalendarDateRangeAdapter)
