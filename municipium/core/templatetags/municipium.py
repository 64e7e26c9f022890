"""Template tags for dates and numbers in the site's calendar, time zone, language and digits.
Every template formats through these, so that there is one way to write a date."""

import datetime
import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from municipium.core import formatting
from municipium.core.calendar_context import staff_calendar

register = template.Library()


def _site_calendar(context) -> tuple[str, str | None]:
    tenant = context.get("tenant")
    if tenant is None:
        return formatting.GREGORIAN, None
    return tenant.calendar, tenant.time_zone_name


@register.simple_tag(takes_context=True)
def local_date(context, value, style="long"):
    """``<time>`` with the date in the site's calendar: {% local_date page.date "full" %}."""
    if not value:
        return ""
    calendar, time_zone = _site_calendar(context)
    text = formatting.format_date(
        value,
        language=translation.get_language(),
        calendar=calendar,
        time_zone=time_zone,
        style=style,
    )
    return format_html(
        '<time datetime="{}">{}</time>', formatting.iso_date(value, time_zone=time_zone), text
    )


@register.simple_tag(takes_context=True)
def local_datetime(context, value, style="long"):
    if not value:
        return ""
    calendar, time_zone = _site_calendar(context)
    text = formatting.format_datetime(
        value,
        language=translation.get_language(),
        calendar=calendar,
        time_zone=time_zone,
        style=style,
    )
    return format_html(
        '<time datetime="{}">{}</time>', formatting.iso_date(value, time_zone=time_zone), text
    )


@register.simple_tag(takes_context=True)
def today(context, style="full"):
    """Today's date where the municipality is, as the page header shows it."""
    tenant = context.get("tenant")
    if tenant is None:
        return ""
    return local_date(context, tenant.today(), style)


def _staff_text(value, style: str) -> str:
    """A date or date-time as a member of staff reads it in the admin: in the calendar of the
    request (``core.calendar_context``), the admin's time zone and the interface's language."""
    options = {
        "language": translation.get_language() or "en",
        "calendar": staff_calendar(),
        "time_zone": timezone.get_current_timezone_name(),
        "style": style,
    }
    if isinstance(value, datetime.datetime):
        return formatting.format_datetime(value, **options)
    return formatting.format_date(value, **options)


@register.simple_tag
def staff_date(value, style="medium"):
    """``<time>`` with a date or date-time in the staff member's calendar, for admin templates:
    {% staff_date holiday.date %}."""
    if not value:
        return ""
    time_zone = timezone.get_current_timezone_name()
    return format_html(
        '<time datetime="{}">{}</time>',
        formatting.iso_date(value, time_zone=time_zone),
        _staff_text(value, style),
    )


@register.filter
def staff_date_text(value, style="medium"):
    """The text of ``staff_date`` alone, for an attribute such as a tooltip."""
    return _staff_text(value, style) if value else ""


@register.filter
def is_datetime(value) -> bool:
    return isinstance(value, datetime.datetime)


@register.filter
def staff_cell(value):
    """A table cell's value in the admin: dates and date-times in the staff member's calendar,
    a yes-or-no field in words of the admin's language (never 'True'/'False'), anything else
    unchanged. Columns that matter use Wagtail's BooleanColumn (an icon); this is the fallback."""
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, datetime.date):
        return _staff_text(value, "medium")
    return value


@register.filter
def local_number(value):
    if value in (None, ""):
        return ""
    return formatting.format_number(value, language=translation.get_language())


@register.filter
def local_digits(value):
    return formatting.localise_digits(str(value), translation.get_language())


_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_tag(data: dict) -> str:
    """schema.org data as ``<script type="application/ld+json">``, escaped so that no text in it
    can close the element. Data, not an executable script: a strict CSP allows it."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.filter
def open_graph_locale(language):
    """``tr`` → ``tr_TR``: the form Open Graph's ``og:locale`` asks for."""
    return formatting.babel_locale(language)


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """``url`` made absolute against the request (an absolute one is left as it is)."""
    request = context.get("request")
    return request.build_absolute_uri(url) if request and url else url
