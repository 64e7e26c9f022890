from functools import partial

from django.utils.translation import get_language
from wagtail import hooks
from wagtail.models import PageViewRestriction

from .page_cache import mark_cacheable


@hooks.register("before_serve_page")
def allow_page_cache(page, request, serve_args, serve_kwargs):
    """Public pages may be kept in the page cache; restricted ones never.

    The restrictions are read once and handed to Wagtail's own check (its ``on_serve_page``
    hook calls ``page.get_view_restrictions()`` again), and not at all when the tenant snapshot
    says that no page of the installation has one."""
    tenant = getattr(request, "tenant", None)
    if tenant is not None and not tenant.has_view_restrictions:
        restrictions = PageViewRestriction.objects.none()
    else:
        restrictions = page.get_view_restrictions()
    if not restrictions:  # evaluates the queryset once; Wagtail's check iterates the result
        mark_cacheable(request, page_id=page.pk)
    page.get_view_restrictions = partial(_given, restrictions)  # a partial pickles, a lambda not


def _given(value):
    return value


# Help menu items that lead to Wagtail's guide (guide.wagtail.org/en/): it exists in English only.
ENGLISH_ONLY_HELP_ITEMS = ("whats-new-in-wagtail-", "editor-guide")


@hooks.register("construct_help_menu")
def hide_english_only_help(request, menu_items):
    """An editor whose admin speaks another language is not sent to English-only pages: Wagtail's
    'What's new in Wagtail' and 'Editor Guide' appear only in an English admin."""
    if (get_language() or "en").split("-")[0] == "en":
        return
    menu_items[:] = [
        item for item in menu_items if not item.name.startswith(ENGLISH_ONLY_HELP_ITEMS)
    ]
