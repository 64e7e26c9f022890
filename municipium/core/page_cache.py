"""A cache of whole public pages for anonymous readers.

Written here because ``wagtail-cache`` does not support Wagtail 8 (REFERENCE.md), and Django's
per-site cache keys on headers (Cookie, Accept-Language) in a way that cannot be purged per site.

* Served from the cache: GET and HEAD by a reader with no session cookie, on a municipality's
  host, unless the request says ``Cache-Control: no-cache`` (a hard reload): that reader gets a
  fresh page (``X-Page-Cache: fresh``), which is not stored, so that no visitor can overwrite
  an entry on demand. The benchmarks' uncached runs send it: they measure a fresh render
  without the cache write.
* Stored: only responses a view marked as cacheable (``mark_cacheable``: Wagtail pages without
  view restrictions, feeds, sitemaps), with status 200, that set no cookie and used no CSRF token.
* Keyed by host, path and query, language, the site's local date (the header shows today's date),
  and the site's cache generation. The host is the site's own spelling of it
  (``core.http.canonical_host_set``, called by the tenant middleware before this one), the one
  the page's absolute links are built from. Publishing, unpublishing or moving a page bumps
  the generation (``tenancy.services.municipality_purge_cache``), which purges the whole site
  in every worker at once: menus, listings and the home page all show other pages.

``site_data`` keeps, under the same generation, what a page reads of its site and that changes
only when the generation does (a home page's sections, an article's related pages, a listing's
filters, the alerts): an uncached page reads it from the cache instead of the database, and the
first request after a publish reads it afresh.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone, translation

CACHEABLE_ATTRIBUTE = "_municipium_page_cacheable"
UNTIL_ATTRIBUTE = "_municipium_page_cache_until"
HIT_HANDLERS: list = []  # callables(request, meta) run when a page is served from the cache
_MISSING = object()


def mark_cacheable(request, **meta) -> None:
    """Let the page cache keep this request's response. ``meta`` is stored with it and given
    to the hit handlers (for example the page id, to count views of cached pages)."""
    setattr(request, CACHEABLE_ATTRIBUTE, meta)


def add_cache_meta(request, **meta) -> None:
    """Add to the meta of a response already marked cacheable (a restricted page stays
    uncacheable): for example a page type adding what its hit handler needs."""
    current = getattr(request, CACHEABLE_ATTRIBUTE, None)
    if current is not None:
        setattr(request, CACHEABLE_ATTRIBUTE, {**current, **meta})


def limit_cache_until(request, moment) -> None:
    """Keep this request's page no later than ``moment`` (an aware datetime): for example the
    time an alert shown on it starts or ends."""
    current = getattr(request, UNTIL_ATTRIBUTE, None)
    if current is None or moment < current:
        setattr(request, UNTIL_ATTRIBUTE, moment)


def _timeout(request) -> int:
    timeout = settings.MUNICIPIUM_PAGE_CACHE_SECONDS
    until = getattr(request, UNTIL_ATTRIBUTE, None)
    if until is not None:
        timeout = min(timeout, int((until - timezone.now()).total_seconds()))
    return timeout


def on_cache_hit(handler):
    """Register ``handler(request, meta)`` to run when a page is served from the cache (once,
    however often an app's ready() runs)."""
    if handler not in HIT_HANDLERS:
        HIT_HANDLERS.append(handler)
    return handler


def _key(request, tenant) -> str:
    raw = "|".join(
        (
            request.get_host(),
            request.get_full_path(),
            translation.get_language() or "",
            tenant.today().isoformat(),
        )
    )
    digest = hashlib.blake2b(raw.encode(), digest_size=20).hexdigest()
    return f"municipium:page:{tenant.site.pk}:{tenant.cache_generation}:{digest}"


def site_data(request, name: str, build, *, keep=None):
    """``build()``, kept in the cache under the request's site, language and cache generation:
    for data that only a publish (or another change that bumps the generation) can change.
    Kept no longer than a cached page. Without a tenant, ``build()`` every time. With ``keep``,
    a value is kept only when ``keep(value)`` is true (so that names a visitor invents, such as
    addresses of pages that do not exist, cannot fill the cache)."""
    tenant = getattr(request, "tenant", None)
    if tenant is None:
        return build()
    key = (
        f"municipium:data:{tenant.site.pk}:{tenant.cache_generation}:"
        f"{translation.get_language()}:{name}"
    )
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        if keep is None or keep(value):
            cache.set(key, value, settings.MUNICIPIUM_PAGE_CACHE_SECONDS)
    return value


def _may_serve(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and getattr(request, "tenant", None) is not None
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def _wants_fresh(request) -> bool:
    """A hard reload (and the benchmarks' uncached runs) asks for a fresh page: rendered, never
    stored (a random query string would bypass the cache just the same)."""
    return "no-cache" in request.headers.get("Cache-Control", "")


def _anonymous(request) -> bool:
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _may_serve(request):
            return self.get_response(request)
        if _wants_fresh(request):
            response = self.get_response(request)
            if self._storable(request, response):
                response["X-Page-Cache"] = "fresh"
            return response
        key = _key(request, request.tenant)
        entry = cache.get(key)
        if entry is not None:
            return self._replay(request, entry)
        response = self.get_response(request)
        if self._storable(request, response) and (timeout := _timeout(request)) > 0:
            headers = [(k, v) for k, v in response.items() if k.lower() != "set-cookie"]
            meta = getattr(request, CACHEABLE_ATTRIBUTE)
            entry = (response.status_code, headers, response.content, meta)
            cache.set(key, entry, timeout)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _storable(request, response) -> bool:
        return (
            # A HEAD is stored as its GET: core.http strips the body above this middleware.
            request.method in ("GET", "HEAD")
            and hasattr(request, CACHEABLE_ATTRIBUTE)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # set by get_token()
            and "private" not in response.get("Cache-Control", "")
            and _anonymous(request)
        )

    @staticmethod
    def _replay(request, entry):
        status, headers, content, meta = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        for handler in HIT_HANDLERS:
            handler(request, meta)
        return response
