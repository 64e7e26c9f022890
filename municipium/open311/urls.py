from django.urls import path, re_path

from .api import api, not_found

urlpatterns = [
    # Ahead of ninja's own root view, which is an HTML 404 without its docs page.
    path("open311/v2/", not_found, name="open311-root"),
    path("open311/v2/", api.urls),
    # Anything else under the API's address: the standard's 404, never an HTML page.
    re_path(r"^open311/v2/.*$", not_found, name="open311-not-found"),
]
