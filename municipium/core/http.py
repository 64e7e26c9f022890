"""HTTP details Django leaves to the server."""

from django.http.request import split_domain_port


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
