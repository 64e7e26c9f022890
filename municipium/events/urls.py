"""The programme's iCalendar files, at the programme page's address with a file name:
``/<lang>/<programme>/feed.ics`` and ``/<lang>/<programme>/<id>/<slug>/event.ics``. Wagtail
serves only addresses made of slugs that end in a slash, so these are Django URLs (under
i18n_patterns) that find the programme page through ``core.routing``, as a page request would,
and answer with ``events.views``. Public and anonymous: the page cache keeps them."""

from django.http import Http404
from django.urls import re_path
from django.utils.translation import gettext as _

from municipium.core import routing
from municipium.core.page_cache import mark_cacheable

from . import views
from .models import ProgrammePage

app_name = "programme"

_PAGE = r"(?P<page_path>(?:[\w\-]+/)+)"


def _programme_page(request, page_path: str) -> ProgrammePage:
    result = routing.route(request, page_path)
    page = result[0] if result else None
    if not isinstance(page, ProgrammePage) or not page.live:
        raise Http404(_("There is no programme at this address."))
    if page.get_view_restrictions():
        raise Http404(_("There is no programme at this address."))
    mark_cacheable(request)
    return page


def programme_feed(request, page_path):
    return views.programme_feed(request, page=_programme_page(request, page_path))


def event_ics(request, page_path, event_id, slug):
    page = _programme_page(request, page_path)
    return views.event_ics(request, page=page, event_id=int(event_id), slug=slug)


urlpatterns = [
    re_path(rf"^{_PAGE}feed\.ics$", programme_feed, name="feed"),
    re_path(
        rf"^{_PAGE}(?P<event_id>[0-9]+)/(?P<slug>[\w\-]+)/event\.ics$", event_ics, name="event-ics"
    ),
]
