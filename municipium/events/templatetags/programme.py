"""The programme's template tags: a time of day where the site is, in the page's digits."""

from django import template
from django.utils import translation
from django.utils.html import format_html

from municipium.core import formatting
from municipium.core.templatetags.municipium import json_ld_tag

register = template.Library()


@register.simple_tag(takes_context=True)
def local_time(context, value):
    """``<time>`` with the time of day of ``value`` in the site's time zone: 18:00, ۱۸:۰۰."""
    if not value:
        return ""
    tenant = context.get("tenant")
    time_zone = tenant.time_zone_name if tenant else None
    text = formatting.format_time(value, language=translation.get_language(), time_zone=time_zone)
    return format_html(
        '<time datetime="{}">{}</time>', formatting.iso_date(value, time_zone=time_zone), text
    )


@register.filter
def json_ld(data: dict):
    """schema.org data as ``<script type="application/ld+json">`` (core's escaping)."""
    return json_ld_tag(data)
