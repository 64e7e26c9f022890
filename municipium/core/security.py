"""Security headers for the public site: a Content-Security-Policy that lets a page load only
this server's scripts, styles and fonts, and a Permissions-Policy that turns off what a municipal
portal never uses.

Public templates have no inline script or style (JSON-LD is data, not script; brand colours come
from a stylesheet), so the policy needs neither ``'unsafe-inline'`` nor nonces, and a cached page
can carry it unchanged.

Wagtail's admin (``/admin/``, page previews included) relies on inline scripts and styles, and
editors' avatars and embeds come from elsewhere, so it cannot run under that policy
(REFERENCE.md). It gets the part of a policy that costs it nothing and still closes the usual
holes: no plugins (``object-src 'none'``), no ``<base>`` that sends relative links and scripts
elsewhere, forms posting only here, and framing only by itself. The page its preview panel
frames keeps the public policy, with framing by the admin allowed."""

from urllib.parse import urlsplit

from django.conf import settings

ADMIN_PREFIX = "/admin/"


def tile_origin(template: str) -> str:
    """The origin of a map tile server from its URL template: ``https://{s}.tile.example.org/
    {z}/{x}/{y}.png`` gives ``https://*.tile.example.org`` (the ``{s}`` subdomains)."""
    parts = urlsplit(template)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    host = parts.netloc.replace("{s}", "*")
    if "{" in host:
        return ""
    return f"{parts.scheme}://{host}"


def content_security_policy(*, frame_ancestors: str = "'none'") -> str:
    origins = [*getattr(settings, "CSP_MEDIA_ORIGINS", [])]
    media = " ".join(origins)
    tiles = tile_origin(getattr(settings, "MUNICIPIUM_MAP_TILES_URL", ""))
    images = " ".join([*origins, tiles] if tiles else origins)
    frames = " ".join(getattr(settings, "CSP_FRAME_ORIGINS", []))
    directives = [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "font-src 'self'",
        f"img-src 'self' data: {images}".strip(),
        f"media-src 'self' {media}".strip(),
        f"frame-src {frames}" if frames else "frame-src 'none'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        f"frame-ancestors {frame_ancestors}",  # 'none' as X-Frame-Options: DENY
    ]
    return "; ".join(directives)


ADMIN_CONTENT_SECURITY_POLICY = "; ".join(
    [
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",  # the editor's preview panel frames the admin's own preview
    ]
)


PERMISSIONS_POLICY = (
    "camera=(), microphone=(), payment=(), usb=(), browsing-topics=(), geolocation=(self)"
)


class SecurityHeadersMiddleware:
    """Outside the page cache, so pages served from it carry the headers too."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = content_security_policy()
        # A page rendered for the admin's preview panel (Wagtail runs it through the middleware
        # as a dummy request at the page's own address): the page's policy, framed by the admin.
        self.preview_policy = content_security_policy(frame_ancestors="'self'")

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_dummy", False):
            response.headers.setdefault("Content-Security-Policy", self.preview_policy)
        elif request.path.startswith(ADMIN_PREFIX):
            response.headers.setdefault("Content-Security-Policy", ADMIN_CONTENT_SECURITY_POLICY)
        else:
            response.headers.setdefault("Content-Security-Policy", self.policy)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
