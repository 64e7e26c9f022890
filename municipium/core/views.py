from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.static import serve as serve_file
from wagtail import views as wagtail_views

from . import routing


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)


@never_cache
def health(request):
    return HttpResponse("ok", content_type="text/plain")


def ceiling(request):
    """A trivial view through the whole middleware stack: the benchmarks' ceiling."""
    return HttpResponse("ceiling", content_type="text/plain")


# An SVG rendition keeps whatever its upload held: opened directly, it runs no script and
# loads nothing (docs/security.md). Harmless for the other formats.
MEDIA_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox"


def media_image(request, path):
    """An image rendition, public like the pages that show it. Only ``MEDIA_ROOT/images/``:
    documents and original images are never served from the storage's own address (a
    rendition is what Wagtail's ``{% image %}`` links; an original only feeds renditions).
    A front server may serve this directory itself, with the same headers."""
    try:
        response = serve_file(request, path, document_root=Path(settings.MEDIA_ROOT) / "images")
    except SuspiciousFileOperation as error:  # "../documents/..." leaves the directory
        raise Http404("No image rendition has this address.") from error
    response.headers["Content-Security-Policy"] = MEDIA_CONTENT_SECURITY_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def serve_page(request, path):
    """Wagtail's page view, with the page found by ``core.routing``: Wagtail keeps a route
    already found for the request (``_wagtail_route_for_request``) and does not look again."""
    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            result = routing.route(request, path)
        except Http404:
            request._wagtail_route_for_request = None  # what Wagtail keeps for a 404
        else:
            if result is not None:  # else Wagtail routes it itself
                request._wagtail_route_for_request = result
    return wagtail_views.serve(request, path)
