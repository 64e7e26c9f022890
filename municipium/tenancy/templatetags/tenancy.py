import dataclasses

from django import template
from django.utils import translation
from wagtail.models import Page

from municipium.core.page_cache import site_data
from municipium.tenancy.selectors import language_links, language_query_translate

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
        links = build()
    else:
        # A page's translations change only with a publish, which bumps the site's generation.
        links = site_data(request, f"languages:{page.pk}", build)
    return {"links": _with_the_query(request, page, links, current)}


def _with_the_query(request, page, links, current):
    """Each link keeps what the reader asked for: the search terms, the directory's or the
    news listing's filters (a page number is dropped: the other language has its own pages).
    A view that is not a page (the search) is the same view in the other language."""
    if request is None:
        return links
    match = getattr(request, "resolver_match", None)
    same_view = page is None and match is not None and match.url_name not in (None, "wagtail_serve")
    prefix = f"/{current}/"
    if same_view and request.path.startswith(prefix):
        rest = request.path[len(prefix) :]
        links = [dataclasses.replace(link, url=f"/{link.code}/{rest}") for link in links]
    query = request.GET.copy()
    query.pop("page", None)
    if not query:
        return links
    kept = []
    for link in links:
        translated = language_query_translate(query=query, language=link.code)
        kept.append(dataclasses.replace(link, url=f"{link.url}?{translated.urlencode()}"))
    return kept
