from django import template
from django.utils import translation
from wagtail.models import Page

from municipium.tenancy.selectors import language_links

register = template.Library()


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    tenant = context.get("tenant")
    if tenant is None:
        return {"links": []}
    current = translation.get_language()
    if not isinstance(page, Page):
        page = None  # error pages and views that are not Wagtail pages
    return {"links": language_links(tenant=tenant, page=page, current=current)}
