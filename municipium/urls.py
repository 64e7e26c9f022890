from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from municipium.core.urls import common_urlpatterns, page_urlpatterns
from municipium.tenancy.admin_urls import admin_scope_urls
from municipium.tenancy.reports import site_history_urls

urlpatterns = [
    *site_history_urls,  # Wagtail's site history, scoped to the user's municipalities
    *admin_scope_urls,  # the page tree's views, reports and tags, likewise
    *common_urlpatterns,
    path("", include("municipium.tenancy.urls")),
    path("", include("municipium.portal.urls")),
    path("", include("municipium.open311.urls")),  # outside any language: /open311/v2/
    *i18n_patterns(
        path("", include("municipium.search.urls")),
        path("", include("municipium.news.urls")),
        path("", include("municipium.desk.figures_urls")),
        path("", include("municipium.events.urls")),  # the programme's iCalendar files
        path("", include(page_urlpatterns)),
        prefix_default_language=True,
    ),
]

handler404 = "municipium.core.views.page_not_found"
handler500 = "municipium.core.views.server_error"
