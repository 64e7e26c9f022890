"""Wiring into Wagtail: an article's reader is counted around its page being served."""

from wagtail import hooks

from municipium.core import page_cache

from .counting import META_KEY, view_is_countable
from .models import NewsArticlePage
from .services import news_view_record


@hooks.register("on_serve_page")
def count_article_views(serve):
    """An article's reader is recorded once the page has rendered (a page that fails to render
    is no view; the page shows the count with this view in it, ``get_context``). A cached copy
    counts its readers too: the page names itself in the cache meta
    (``counting.count_cached_view``)."""

    def serve_counted(page, request, serve_args, serve_kwargs):
        response = serve(page, request, serve_args, serve_kwargs)
        if not isinstance(page, NewsArticlePage):
            return response
        page_cache.add_cache_meta(request, **{META_KEY: page.pk})
        counted = response.status_code == 200 and view_is_countable(request)
        if counted and hasattr(response, "add_post_render_callback"):
            response.add_post_render_callback(lambda _response: news_view_record(page_id=page.pk))
        elif counted:
            news_view_record(page_id=page.pk)
        return response

    return serve_counted
