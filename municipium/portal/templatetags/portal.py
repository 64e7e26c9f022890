from django import template
from wagtail.models import Page

from municipium.portal.selectors import page_public_record

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
