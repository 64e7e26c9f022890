"""Date and date-time fields of the admin, typed and read in the staff member's calendar.

Wagtail builds a model's admin form once per process, so the field and widget classes cannot
depend on who is asking. They ask instead, each time they parse or render, which calendar the
current admin request works in (``core.calendar_context``): in the Gregorian calendar they are
exactly Wagtail's ``AdminDateInput`` and ``AdminDateTimeInput`` with Django's parsing; in the
Solar Hijri calendar they read ``1405/02/10`` (Persian or Latin digits), store the Gregorian
date, show the stored value back as ``۱۴۰۵/۰۲/۱۰`` and offer our own right-to-left picker
(``core/js/solar-hijri-picker.js``) instead of Wagtail's, which never attaches to them.

``install_admin_date_fields()`` makes them the admin's fields for every ``DateField`` and
``DateTimeField``: page editors, snippets and model viewsets alike.
"""

import json

from babel import dates as babel_dates
from django import forms
from django.db import models
from django.forms.utils import from_current_timezone
from django.forms.widgets import Script
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.admin.telepath import register as telepath_register
from wagtail.admin.telepath.widgets import WidgetAdapter
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput
from wagtail.admin.widgets.datetime import AdminDateInputAdapter, AdminDateTimeInputAdapter

from . import solar_hijri
from .calendar_context import staff_calendar
from .formatting import SOLAR_HIJRI, SOLAR_HIJRI_MONTHS, babel_locale, uses_persian_digits

PICKER_TEMPLATE = "core/widgets/solar_hijri_input.html"
PICKER_MEDIA = forms.Media(
    css={"all": ["core/css/solar-hijri-picker.css"]},
    js=[Script("core/js/solar-hijri-picker.js", type="module")],
)
# Babel's weekdays are numbered from Monday (0); a Persian week starts on Saturday (5).
SATURDAY_FIRST = (5, 6, 0, 1, 2, 3, 4)


def in_solar_hijri() -> bool:
    return staff_calendar() == SOLAR_HIJRI


def picker_attributes(*, with_time: bool) -> dict[str, str]:
    """What the picker needs to draw a month in the staff member's language: CLDR's month and
    weekday names as ``core.formatting`` writes them, the digits, and its labels."""
    language = translation.get_language() or "en"
    locale = babel_locale(language)
    wide = babel_dates.get_day_names("wide", locale=locale)
    short = babel_dates.get_day_names("short", locale=locale)
    return {
        "data-solar-hijri-picker": "datetime" if with_time else "date",
        "data-months": json.dumps(
            SOLAR_HIJRI_MONTHS["fa" if language == "fa" else "en"], ensure_ascii=False
        ),
        "data-weekdays": json.dumps([wide[day] for day in SATURDAY_FIRST], ensure_ascii=False),
        "data-weekdays-short": json.dumps(
            [short[day] for day in SATURDAY_FIRST], ensure_ascii=False
        ),
        "data-digits": "persian" if uses_persian_digits(language) else "latin",
        "data-label-previous": _("Previous month"),
        "data-label-next": _("Next month"),
        "data-label-close": _("Close the calendar"),
        "dir": "rtl" if translation.get_language_bidi() else "ltr",
    }


class SolarHijriWidgetMixin:
    """Renders the Solar Hijri input and its picker when the request works in that calendar;
    otherwise stays the Wagtail widget it is mixed into."""

    with_time = False

    @property
    def template_name(self):
        return PICKER_TEMPLATE if in_solar_hijri() else self.gregorian_template_name

    def format_value(self, value):
        if in_solar_hijri() and hasattr(value, "year"):
            return self.solar_hijri_value(value)
        return super().format_value(value)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if in_solar_hijri():
            context["widget"]["picker_attrs"] = picker_attributes(with_time=self.with_time)
            context["widget"]["attrs"].setdefault("inputmode", "numeric")
            context["widget"]["attrs"].setdefault("placeholder", self.placeholder())
        return context

    @property
    def media(self):
        return PICKER_MEDIA if in_solar_hijri() else super().media


class CalendarDateInput(SolarHijriWidgetMixin, AdminDateInput):
    wagtail_widget = AdminDateInput
    gregorian_template_name = AdminDateInput.template_name

    def solar_hijri_value(self, value):
        return solar_hijri.input_date(value, language=translation.get_language() or "en")

    def placeholder(self):
        return _("yyyy/mm/dd")


class CalendarDateTimeInput(SolarHijriWidgetMixin, AdminDateTimeInput):
    wagtail_widget = AdminDateTimeInput
    gregorian_template_name = AdminDateTimeInput.template_name
    with_time = True

    def solar_hijri_value(self, value):
        return solar_hijri.input_datetime(value, language=translation.get_language() or "en")

    def placeholder(self):
        return _("yyyy/mm/dd hh:mm")


class CalendarWidgetAdapter(WidgetAdapter):
    """How Wagtail's client side (telepath: the editor's panel tree, StreamField) sees these
    widgets: as Wagtail's own date widget in the Gregorian calendar, as a plain widget (its
    rendered HTML, whose picker binds itself) in the Solar Hijri one, where Wagtail's date
    script is not loaded."""

    def __init__(self, gregorian_adapter):
        super().__init__()
        self.gregorian_adapter = gregorian_adapter

    def pack(self, obj, context):
        if in_solar_hijri():
            return super().pack(obj, context)
        return self.gregorian_adapter.pack(obj, context)


telepath_register(CalendarWidgetAdapter(AdminDateInputAdapter()), CalendarDateInput)
telepath_register(CalendarWidgetAdapter(AdminDateTimeInputAdapter()), CalendarDateTimeInput)


def _in_calendar(widget, calendar_class):
    """The widget a calendar field uses: ours where Wagtail's own date widget was chosen (a
    panel's ``FieldPanel(widget=AdminDateTimeInput(...))``, as Wagtail's publishing schedule
    does), with the same attributes; any other widget is left alone, and parses as it always
    did."""
    wagtail_class = calendar_class.wagtail_widget
    if widget is None or widget is wagtail_class:
        return calendar_class
    if type(widget) is wagtail_class:
        options = {"attrs": widget.attrs, "format": widget.format}
        if hasattr(widget, "js_overlay_parent_selector"):
            options["js_overlay_parent_selector"] = widget.js_overlay_parent_selector
        return calendar_class(**options)
    return widget


class _SolarHijriTyped:
    """A field that reads its text in the Solar Hijri calendar when the staff member's is."""

    def _typed_in_solar_hijri(self, value) -> bool:
        return (
            in_solar_hijri()
            and isinstance(self.widget, SolarHijriWidgetMixin)
            and isinstance(value, str)
            and value not in self.empty_values
        )


class CalendarDateField(_SolarHijriTyped, forms.DateField):
    def __init__(self, *, widget=None, **kwargs):
        super().__init__(widget=_in_calendar(widget, CalendarDateInput), **kwargs)

    def to_python(self, value):
        if self._typed_in_solar_hijri(value):
            return solar_hijri.parse_date(value)
        return super().to_python(value)


class CalendarDateTimeField(_SolarHijriTyped, forms.DateTimeField):
    def __init__(self, *, widget=None, **kwargs):
        super().__init__(widget=_in_calendar(widget, CalendarDateTimeInput), **kwargs)

    def to_python(self, value):
        if self._typed_in_solar_hijri(value):
            return from_current_timezone(solar_hijri.parse_datetime(value))
        return super().to_python(value)


def install_admin_date_fields() -> None:
    """Every admin form built from a model from now on uses these fields and widgets."""
    from wagtail.admin.forms.models import register_form_field_override

    register_form_field_override(
        models.DateField, override={"form_class": CalendarDateField, "widget": CalendarDateInput}
    )
    register_form_field_override(
        models.DateTimeField,
        override={"form_class": CalendarDateTimeField, "widget": CalendarDateTimeInput},
    )
