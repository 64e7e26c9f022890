from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.cache import patch_cache_control

from municipium.core.page_cache import mark_cacheable

from .selectors import municipality_list_all, theme_colours
from .share_image import share_image_open


def site_index(request):
    """The installation's index: every municipality it serves, with its address."""
    return render(request, "tenancy/site_index.html", {"municipalities": municipality_list_all()})


def theme_css(request):
    """The municipality's brand colours as CSS custom properties (no inline styles: CSP)."""
    tenant = request.tenant
    if tenant is None:
        raise Http404
    mark_cacheable(request)
    response = render(
        request,
        "tenancy/theme.css",
        {"colours": theme_colours(tenant.municipality)},
        content_type="text/css; charset=utf-8",
    )
    patch_cache_control(response, public=True, max_age=3600)
    return response


def share_image(request):
    """The municipality's picture for link previews (``og:image``), a PNG made once."""
    tenant = request.tenant
    if tenant is None:
        raise Http404
    response = FileResponse(share_image_open(tenant.municipality), content_type="image/png")
    patch_cache_control(response, public=True, max_age=86400)
    return response
