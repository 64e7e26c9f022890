from django import template
from django.utils import translation
from wagtail.models import Page

from municipium.core.page_cache import site_data
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
    request = context.get("request")

    def build():
        return language_links(tenant=tenant, page=page, current=current)

    if page is None or not page.pk or request is None or getattr(request, "is_preview", False):
        return {"links": build()}
    # A page's translations change only with a publish, which bumps the site's generation.
    return {"links": site_data(request, f"languages:{page.pk}", build)}
