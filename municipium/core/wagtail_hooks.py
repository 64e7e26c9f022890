from wagtail import hooks

from .page_cache import mark_cacheable


@hooks.register("before_serve_page")
def allow_page_cache(page, request, serve_args, serve_kwargs):
    """Public pages may be kept in the page cache; restricted ones never."""
    if not page.get_view_restrictions().exists():
        mark_cacheable(request, page_id=page.pk)
