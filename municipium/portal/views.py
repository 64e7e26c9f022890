from django.http import HttpResponse
from django.template.loader import render_to_string

from municipium.core.page_cache import mark_cacheable

from .selectors import sitemap_entries


def sitemap(request):
    """The site's pages in all its languages, with hreflang alternates (Wagtail's own sitemap
    lists only the default language and no alternates)."""
    mark_cacheable(request)
    base = f"{request.scheme}://{request.get_host()}"
    xml = render_to_string(  # no request: the page frame's context processors are not needed
        "portal/sitemap.xml", {"entries": sitemap_entries(tenant=request.tenant), "base": base}
    )
    return HttpResponse(xml, content_type="application/xml; charset=utf-8")


def robots(request):
    mark_cacheable(request)
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Allow: /",
        f"Sitemap: {request.scheme}://{request.get_host()}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
