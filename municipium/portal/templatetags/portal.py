from django import template
from wagtail.models import Page

from municipium.core.pages import HOME_PAGE_DEPTH
from municipium.core.templatetags.municipium import json_ld_tag
from municipium.portal.selectors import (
    breadcrumb_schema,
    municipality_schema,
    page_public_record,
    page_trail,
)

register = template.Library()


@register.inclusion_tag("components/public_record.html", takes_context=True)
def public_record(context, page):
    """The page's public record, on sites that publish one (Polish sites by default)."""
    tenant = context.get("tenant")
    if tenant is None or not isinstance(page, Page):
        return {"record": None}
    if not tenant.municipality.shows_public_record:
        return {"record": None}
    return {"record": page_public_record(page=page), "tenant": tenant}


@register.simple_tag(takes_context=True)
def page_structured_data(context, page):
    """schema.org for every page: the municipality as a GovernmentOrganization on its home
    page, a BreadcrumbList on the others (ending with the view's ``breadcrumb_current``, a
    route of the page, when it gives one)."""
    request, tenant = context.get("request"), context.get("tenant")
    if tenant is None or not isinstance(page, Page) or request is None:
        return ""
    language = context.get("LANGUAGE_CODE") or tenant.default_language
    if page.depth <= HOME_PAGE_DEPTH:
        return json_ld_tag(
            municipality_schema(
                tenant=tenant, language=language, absolute=request.build_absolute_uri
            )
        )
    current = context.get("breadcrumb_current")
    return json_ld_tag(breadcrumb_schema(page=page, request=request, current=current))


@register.simple_tag
def breadcrumb_trail(page):
    """``{% breadcrumb_trail page as trail %}``: the home page down to ``page``."""
    return page_trail(page=page)
