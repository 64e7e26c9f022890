"""Finding the page of a request in two queries, whatever its depth.

Wagtail walks the tree from the site's root: the active locale, then for each part of the path
the child with that slug and its specific row: six queries for an article two levels down. Here
the home page of the request's language comes from the tenant snapshot (``tenant.home_pages``:
language -> ``HomeRef``), one query reads every page of the path at once by its ``url_path``
(each part's slug narrows it through the slug index), and one more the specific page. The pages
read on the way are kept on the page as its trail (``page_trail``), so that the breadcrumbs, the
structured data and "the parent" need no query of their own.

The pages of a path that exists are kept with the site's data (``page_cache.site_data``, purged
by every publish, unpublish, move or deletion, as the page cache is), so that a page read
again costs only the query of its specific row.

The walk gives the page back to Wagtail's own routing (``Page.route``) wherever a page of the
path routes by itself (a ``RoutablePageMixin`` page, or any class that overrides ``route``) and
wherever the path leaves the tree, so that sub-routes and 404s behave exactly as Wagtail's.
"""

import hashlib
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from .page_cache import site_data
from .pages import HOME_PAGE_DEPTH

TRAIL_ATTRIBUTE = "_municipium_trail"


@dataclass(frozen=True)
class HomeRef:
    """What routing needs of a home page (a site's root in one language)."""

    pk: int
    url_path: str
    content_type_id: int


def page_trail(*, page: Page) -> list[Page]:
    """The pages from the site's home page (``HOME_PAGE_DEPTH``) down to ``page``: kept on the
    page by the routing, else one query, then kept."""
    if not hasattr(page, TRAIL_ATTRIBUTE):
        ancestors = page.get_ancestors().filter(depth__gte=HOME_PAGE_DEPTH)
        setattr(page, TRAIL_ATTRIBUTE, [*ancestors, page])
    return getattr(page, TRAIL_ATTRIBUTE)


def page_parent(*, page: Page) -> Page | None:
    """The page's parent, from its trail when the routing kept one."""
    trail = getattr(page, TRAIL_ATTRIBUTE, None)
    if trail is not None and len(trail) > 1:
        return trail[-2]
    return page.get_parent()


def _routes_itself(page: Page) -> bool:
    model = ContentType.objects.get_for_id(page.content_type_id).model_class()
    return model is None or model.route is not Page.route


def _chain(home: HomeRef, parts: list[str]) -> list[Page]:
    """The home page and the pages at each prefix of ``parts`` under it, as deep as the tree
    goes: one query."""
    url_paths = [home.url_path]
    for part in parts:
        url_paths.append(f"{url_paths[-1]}{part}/")
    found = {
        page.url_path: page
        for page in Page.objects.filter(pk=home.pk)
        | Page.objects.filter(slug__in=parts, url_path__in=url_paths[1:])
    }
    chain = []
    for url_path in url_paths:
        if url_path not in found:
            break
        chain.append(found[url_path])
    return chain


def route(request, path: str):
    """Wagtail's ``RouteResult`` for ``path`` on the request's site, or None to let Wagtail
    route it itself (no tenant, or a language without a published home page)."""
    tenant = getattr(request, "tenant", None)
    homes = getattr(tenant, "home_pages", None) or {}
    home = homes.get(getattr(request, "LANGUAGE_CODE", None))
    if home is None:
        return None
    parts = [part for part in path.split("/") if part]
    if not parts:  # the home page itself, whose type the snapshot knows: one query
        model = ContentType.objects.get_for_id(home.content_type_id).model_class()
        page = model._default_manager.filter(pk=home.pk).first()
        if page is None:
            return None
        setattr(page, TRAIL_ATTRIBUTE, [page])
        return page.route(request, [])
    chain = site_data(
        request,
        f"route:{home.pk}:{hashlib.blake2b('/'.join(parts).encode(), digest_size=16).hexdigest()}",
        lambda: _chain(home, parts),
        keep=lambda found: len(found) == len(parts) + 1,  # only paths that all exist
    )
    if not chain:
        return None
    # Walk down while each page routes like a plain Page: to its child of the next slug.
    depth = 0
    while depth < len(chain) - 1 and not _routes_itself(chain[depth]):
        depth += 1
    page = chain[depth].specific
    trail = [*chain[:depth], page]
    setattr(page, TRAIL_ATTRIBUTE, trail)
    return page.route(request, parts[depth:])
