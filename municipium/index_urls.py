"""URLs of the installation's own host (127.0.0.1): an index of its sites, and the admin."""

from django.urls import include, path

from municipium.core.urls import common_urlpatterns
from municipium.tenancy.admin_urls import admin_scope_urls
from municipium.tenancy.reports import site_history_urls
from municipium.tenancy.views import site_index

urlpatterns = [
    path("", site_index, name="site-index"),
    *site_history_urls,
    *admin_scope_urls,
    *common_urlpatterns,
    path("", include("municipium.tenancy.urls")),
]

handler404 = "municipium.core.views.page_not_found"
handler500 = "municipium.core.views.server_error"
