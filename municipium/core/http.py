"""HTTP details Django leaves to the server, and the one reader of numbers from a request."""

import re
from urllib.parse import urlparse

from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from django.http.request import split_domain_port
from wagtail.contrib.redirects.middleware import RedirectMiddleware, get_redirect
from wagtail.contrib.redirects.models import Redirect

from municipium.core.text import latin_digits

# Eighteen digits at most: any such number fits the databases' 64-bit integers.
_WHOLE_NUMBER = re.compile(r"[0-9]{1,18}")


def whole_number(value, *, default=None, minimum=None, maximum=None):
    """``value`` (a query parameter, an id in editor content) as a whole number, or
    ``default`` when it is not one: every number read from a request or from stored content
    goes through here, never through ``int()`` after ``str.isdigit()``, which accepts "²" and
    "①" that ``int()`` refuses. Latin, Persian and Arabic-Indic digits are read; a sign, a
    decimal point, an exponent, spaces inside, other digits or more than eighteen digits are
    not a number. A number under ``minimum`` or over ``maximum`` is brought to that bound."""
    if value is None or isinstance(value, bool):
        return default
    text = latin_digits(str(value)[:40].strip())
    if not _WHOLE_NUMBER.fullmatch(text):
        return default
    number = int(text)
    if minimum is not None:
        number = max(number, minimum)
    if maximum is not None:
        number = min(number, maximum)
    return number


def canonical_host_set(request, hostname: str) -> None:
    """Make the request's host the site's own spelling of it: ``hostname`` as the site stores
    it (lower case), with the port only when it is not the scheme's default. Everything built
    from ``request.get_host()`` (absolute links, the canonical and ``og:url`` addresses,
    JSON-LD, feeds, the sitemap, the page cache's key) then reads the same host whatever
    spelling the client sent (``BORNOVA.localhost``, ``bornova.localhost.``, ``:080``), so a
    cached page never carries a host that a visitor typed."""
    port = split_domain_port(request.get_host())[1]
    port = str(int(port)) if port else ""
    default = "443" if request.is_secure() else "80"
    request.META["HTTP_HOST"] = hostname if port in ("", default) else f"{hostname}:{port}"
    request.META.pop("HTTP_X_FORWARDED_HOST", None)  # read first under USE_X_FORWARDED_HOST
    request.__dict__.pop("_current_scheme_host", None)  # build_absolute_uri's cached prefix


class HeadWithoutBodyMiddleware:
    """Answer HEAD with GET's headers and no body. Django renders the body anyway; gunicorn then
    drops it and logs a warning for each such request, which uptime probes send all day. The
    Content-Length stays the one a GET would get, as RFC 9110 allows."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "HEAD" and not response.streaming and response.content:
            length = len(response.content)
            response.content = b""
            response.headers["Content-Length"] = str(length)
        return response


class PageRedirectMiddleware(RedirectMiddleware):
    """Wagtail's redirects (the redirects app), to a page's address on the host and port of
    the request. Wagtail's ``Redirect.link`` builds it without the request, from the Site's
    configured port, so that a site served on another port (a test server, a proxy) was sent
    to a port nothing listens on."""

    def process_response(self, request, response):
        if response.status_code != 404:
            return response
        path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
        redirect = get_redirect(request, path) or get_redirect(request, urlparse(path).path)
        if redirect is None or redirect.redirect_page_id is None:
            return super().process_response(request, response)
        url = redirect.redirect_page.specific_deferred.get_url(request=request)
        if url is None:
            return response
        if redirect.redirect_page_route_path:
            url = url.rstrip("/") + redirect.redirect_page_route_path
        if redirect.is_permanent:
            return HttpResponsePermanentRedirect(url)
        return HttpResponseRedirect(url)
